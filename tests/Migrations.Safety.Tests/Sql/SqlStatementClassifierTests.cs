using System.Linq;
using Migrations.Safety.Sql;

namespace Migrations.Safety.Tests.Sql;

public sealed class SqlStatementClassifierTests
{
    private static ClassifiedStatement Classify(string sql) => SqlStatementClassifier.Classify(SqlStatementSplitter.Split(sql).Single());

    [Fact]
    public void RenderedCreateIndexIsUnderstood()
    {
        var statement = Classify("CREATE UNIQUE INDEX CONCURRENTLY \"IX_Jobs\" ON \"app\".\"Jobs\" (\"c\" ASC);");

        Assert.Equal(SqlStatementKind.CreateIndex, statement.Kind);
        Assert.True(statement.Unique);
        Assert.True(statement.Concurrently);
        Assert.Equal("IX_Jobs", statement.ObjectName!.Name);
        Assert.Equal("app", statement.Table!.Schema);
        Assert.Equal("Jobs", statement.Table.Name);
    }

    [Theory]
    [InlineData("CREATE SEQUENCE \"billing\".\"invoice_no\" START 1000", "billing", "invoice_no")]
    [InlineData("CREATE OR REPLACE VIEW reporting.active_users AS SELECT 1", "reporting", "active_users")]
    [InlineData("CREATE TYPE app.mood AS ENUM ('sad', 'ok')", "app", "mood")]
    [InlineData("CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$", "app", "touch")]
    [InlineData("DROP VIEW IF EXISTS reporting.active_users", "reporting", "active_users")]
    [InlineData("DROP MATERIALIZED VIEW reporting.totals", "reporting", "totals")]
    [InlineData("ALTER SEQUENCE billing.invoice_no RESTART", "billing", "invoice_no")]
    [InlineData("ALTER INDEX app.ix_a RENAME TO ix_b", "app", "ix_a")]
    public void ObjectsBesidesTablesAreNamedWithTheirSchema(string sql, string schema, string name)
    {
        var statement = Classify(sql);

        Assert.Equal((schema, name), (statement.ObjectName!.Schema, statement.ObjectName.Name));
    }

    [Fact]
    public void CreateSchemaNamesTheSchema()
    {
        var statement = Classify("CREATE SCHEMA IF NOT EXISTS \"Reporting\"");

        Assert.Equal(SqlStatementKind.CreateSchema, statement.Kind);
        Assert.Equal("Reporting", statement.ObjectName!.Name);
    }

    [Fact]
    public void UnquotedNamesFoldToLowerCase()
    {
        Assert.Equal("jobs", Classify("DROP TABLE IF EXISTS Public.JOBS").Table!.Name);
    }

    [Fact]
    public void RenderedAlterColumnHasOneActionPerClause()
    {
        var statement = Classify("ALTER TABLE \"public\".\"t\" ALTER \"c\" TYPE varchar(200), ALTER \"c\" SET NOT NULL;");

        Assert.Equal(SqlStatementKind.AlterTable, statement.Kind);
        Assert.Equal(new[] { AlterTableActionKind.AlterColumnType, AlterTableActionKind.SetNotNull }, statement.Actions.Select(action => action.Kind));
        Assert.Equal("varchar(200)", statement.Actions[0].NewType);
        Assert.Equal("c", statement.Column);
        Assert.Equal("ALTER \"c\" SET NOT NULL", statement.Actions[1].Text);
    }

    [Fact]
    public void AddColumnCarriesTypeDefaultAndNullability()
    {
        var action = Classify("ALTER TABLE \"public\".\"t\" ADD \"c\" uuid NOT NULL DEFAULT uuid_generate_v4();").Actions.Single();

        Assert.Equal(AlterTableActionKind.AddColumn, action.Kind);
        Assert.Equal("uuid", action.NewType);
        Assert.True(action.NotNull);
        Assert.Equal("uuid_generate_v4()", action.DefaultExpression);
    }

    [Fact]
    public void AddConstraintCarriesTypeNameAndFlags()
    {
        var foreignKey = Classify("ALTER TABLE t ADD CONSTRAINT \"fk\" FOREIGN KEY (a) REFERENCES u (id) ON DELETE CASCADE NOT VALID").Actions.Single();
        var check = Classify("ALTER TABLE t ADD CONSTRAINT c_nn CHECK (\"c\" IS NOT NULL) NOT VALID").Actions.Single();
        var unique = Classify("ALTER TABLE t ADD CONSTRAINT uq UNIQUE (a) USING INDEX TABLESPACE fast").Actions.Single();

        Assert.Equal((SqlConstraintType.ForeignKey, "fk", true), (foreignKey.ConstraintType, foreignKey.ConstraintName, foreignKey.NotValid));
        Assert.Equal((SqlConstraintType.Check, "c", true), (check.ConstraintType, check.NotNullCheckColumn, check.NotValid));
        Assert.Equal((SqlConstraintType.Unique, false), (unique.ConstraintType, unique.UsingIndex));
    }

    [Fact]
    public void DeleteWithTautologyHasNoMeaningfulWhere()
    {
        Assert.False(Classify("DELETE FROM \"public\".\"t\" WHERE 1 = 1").HasWhere);
        Assert.True(Classify("DELETE FROM t WHERE id = 1").HasWhere);
    }

    [Theory]
    [InlineData("REINDEX (CONCURRENTLY) TABLE t", true)]
    [InlineData("REINDEX (VERBOSE, CONCURRENTLY false) TABLE t", false)]
    public void ReindexOptionsAreRead(string sql, bool concurrently)
    {
        Assert.Equal(concurrently, Classify(sql).Concurrently);
    }

    [Fact]
    public void UnknownStatementIsOther()
    {
        Assert.Equal(SqlStatementKind.Other, Classify("GRANT SELECT ON t TO reader").Kind);
    }

    [Theory]
    [InlineData("varchar(100)", "varchar(200)", TypeChange.BinaryCompatible)]
    [InlineData("varchar(100)", "varchar", TypeChange.BinaryCompatible)]
    [InlineData("text", "varchar(10)", TypeChange.Rewrite)]
    [InlineData("int", "integer", TypeChange.SameType)]
    [InlineData("timestamp", "timestamptz", TypeChange.Rewrite)]
    [InlineData("decimal(19,5)", "numeric", TypeChange.BinaryCompatible)]
    public void TypeChangesAreClassified(string from, string to, TypeChange expected)
    {
        Assert.Equal(expected, PostgresTypes.ClassifyChange(from, to));
    }
}
