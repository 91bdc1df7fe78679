using System;
using System.Linq;
using Migrations.Safety.Sql;

namespace Migrations.Safety.Tests.Sql;

public sealed class SqlLinterTests
{
    private static string[] Lint(string sql, Action<SqlLintContext>? configure = null)
    {
        var context = new SqlLintContext();
        configure?.Invoke(context);
        return SqlLinter.Lint(sql, context).Select(finding => finding.RuleId).ToArray();
    }

    private static void None(SqlLintContext context) => context.InTransaction = false;

    [Theory]
    [InlineData("CREATE INDEX ix_jobs_stage ON jobs (stage)", "PGM001")]
    [InlineData("COMMIT", "PGM017")]
    [InlineData("start transaction isolation level serializable", "PGM017")]
    [InlineData("END", "PGM017")]
    [InlineData("ROLLBACK", "PGM017")]
    [InlineData("CREATE INDEX \"ix\" ON \"public\".\"t\" (\"c\" ASC);", "PGM001")]
    [InlineData("CREATE UNIQUE INDEX ON jobs (stage)", "PGM001")]
    [InlineData("DROP INDEX ix_jobs_stage", "PGM003")]
    [InlineData("ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"fk\" FOREIGN KEY (\"a\") REFERENCES \"public\".\"u\" (\"id\");", "PGM004")]
    [InlineData("ALTER TABLE t ADD COLUMN u_id bigint REFERENCES u (id)", "PGM004")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT ck CHECK (amount > 0)", "PGM005")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT uq UNIQUE (email)", "PGM007")]
    [InlineData("ALTER TABLE t ADD PRIMARY KEY (id)", "PGM007")]
    [InlineData("ALTER TABLE t ALTER COLUMN c SET NOT NULL", "PGM008")]
    [InlineData("ALTER TABLE t ALTER COLUMN c TYPE bigint", "PGM009")]
    [InlineData("ALTER TABLE \"public\".\"t\" ADD \"c\" uuid NOT NULL DEFAULT uuid_generate_v4();", "PGM010")]
    [InlineData("ALTER TABLE t ADD COLUMN c uuid DEFAULT gen_random_uuid()", "PGM010")]
    [InlineData("ALTER TABLE t ADD COLUMN c timestamptz DEFAULT clock_timestamp()", "PGM010")]
    [InlineData("ALTER TABLE t ADD COLUMN c int NOT NULL", "PGM011")]
    [InlineData("ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (a * 2) STORED", "PGM012")]
    [InlineData("ALTER TABLE t ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY", "PGM013")]
    [InlineData("ALTER TABLE t ADD COLUMN id bigserial", "PGM013")]
    [InlineData("UPDATE t SET c = 1", "PGM014")]
    [InlineData("UPDATE \"public\".\"t\" SET \"c\" = 1 WHERE 1 = 1;", "PGM014")]
    [InlineData("DELETE FROM t", "PGM014")]
    [InlineData("REINDEX TABLE t", "PGM015")]
    [InlineData("CLUSTER t USING ix", "PGM015")]
    [InlineData("REFRESH MATERIALIZED VIEW mv", "PGM015")]
    [InlineData("LOCK TABLE t IN ACCESS EXCLUSIVE MODE", "PGM015")]
    [InlineData("ALTER TABLE t SET TABLESPACE fast", "PGM016")]
    [InlineData("ALTER TABLE t SET LOGGED", "PGM016")]
    [InlineData("ALTER TABLE t SET ACCESS METHOD heap2", "PGM016")]
    [InlineData("ALTER TABLE t DISABLE TRIGGER ALL", "PGM016")]
    [InlineData("CREATE TRIGGER trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()", "PGM016")]
    [InlineData("ALTER TABLE t DROP COLUMN c", "PGM030")]
    [InlineData("ALTER TABLE t RENAME COLUMN a TO b", "PGM031")]
    [InlineData("ALTER TABLE t RENAME a TO b", "PGM031")]
    [InlineData("ALTER TABLE t RENAME TO u", "PGM032")]
    [InlineData("DROP TABLE \"public\".\"t\";", "PGM033")]
    [InlineData("DROP SCHEMA app CASCADE", "PGM034")]
    [InlineData("ALTER SCHEMA app RENAME TO app2", "PGM034")]
    [InlineData("ALTER TABLE t SET SCHEMA archive", "PGM034")]
    [InlineData("TRUNCATE TABLE t CASCADE", "PGM035")]
    [InlineData("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'", "PGM036")]
    [InlineData("ALTER TABLE t ADD COLUMN payload json", "PGM037")]
    public void UnsafeStatementIsReported(string sql, string ruleId)
    {
        Assert.Equal(new[] { ruleId }, Lint(sql));
    }

    [Theory]
    [InlineData("CREATE INDEX CONCURRENTLY ix ON t (c)")]
    [InlineData("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON t (c)")]
    [InlineData("DROP INDEX CONCURRENTLY IF EXISTS ix")]
    [InlineData("REINDEX INDEX CONCURRENTLY ix")]
    [InlineData("VACUUM t")]
    public void ConcurrentStatementInANoneMigrationIsNotReported(string sql)
    {
        Assert.Empty(Lint(sql, None));
    }

    [Theory]
    [InlineData("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) NOT VALID")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT ck CHECK (amount > 0) NOT VALID")]
    [InlineData("ALTER TABLE t VALIDATE CONSTRAINT fk")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT uq UNIQUE USING INDEX ix_t_email")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY USING INDEX ix_t_id")]
    [InlineData("ALTER TABLE t ADD COLUMN c int")]
    [InlineData("ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0")]
    [InlineData("ALTER TABLE t ADD COLUMN c timestamptz NOT NULL DEFAULT now()")]
    [InlineData("ALTER TABLE t ADD COLUMN c jsonb")]
    [InlineData("ALTER TABLE t ALTER COLUMN c DROP NOT NULL")]
    [InlineData("ALTER TABLE t ALTER COLUMN c SET DEFAULT gen_random_uuid()")]
    [InlineData("UPDATE t SET c = 1 WHERE id BETWEEN 1 AND 1000")]
    [InlineData("DELETE FROM t WHERE created_at < now() - interval '1 year'")]
    [InlineData("REFRESH MATERIALIZED VIEW CONCURRENTLY mv")]
    [InlineData("INSERT INTO t (a) VALUES ('DROP TABLE t')")]
    [InlineData("SELECT 1")]
    [InlineData("CREATE EXTENSION IF NOT EXISTS pgcrypto")]
    [InlineData("COMMENT ON TABLE t IS 'TRUNCATE me; DROP TABLE t'")]
    [InlineData("-- DROP TABLE t;\n/* TRUNCATE t; */ SELECT 1")]
    [InlineData("DO $$ BEGIN DROP TABLE t; TRUNCATE u; END $$")]
    [InlineData("CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN UPDATE t SET a = 1; RETURN NEW; END $fn$")]
    [InlineData("ALTER TYPE mood ADD VALUE 'ok'")]
    [InlineData("SAVEPOINT before_backfill; ROLLBACK TO SAVEPOINT before_backfill; RELEASE SAVEPOINT before_backfill")]
    public void SafeStatementIsNotReported(string sql)
    {
        Assert.Empty(Lint(sql));
    }

    [Theory]
    [InlineData("CREATE TABLE jobs (id bigint PRIMARY KEY, stage text); CREATE INDEX ix ON jobs (stage)")]
    [InlineData("CREATE TABLE jobs (id bigint); ALTER TABLE jobs ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id)")]
    [InlineData("CREATE TABLE jobs (id bigint); ALTER TABLE jobs ADD COLUMN c int NOT NULL, ALTER COLUMN id SET NOT NULL")]
    [InlineData("CREATE TABLE \"Jobs\" (id bigint); UPDATE public.jobs SET id = 1; DROP TABLE \"public\".\"JOBS\"")]
    [InlineData("CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x; CREATE UNIQUE INDEX ux_mv ON mv (x)")]
    public void StatementOnTableCreatedEarlierIsNotReported(string sql)
    {
        Assert.Empty(Lint(sql));
    }

    [Fact]
    public void TableCreatedByAnEarlierExpressionOfTheMigrationIsExempt()
    {
        Assert.Empty(Lint("CREATE INDEX ix ON app.jobs (stage)", context => context.AddCreatedTable("jobs", "app")));
        Assert.Equal(new[] { "PGM001" }, Lint("CREATE INDEX ix ON other.jobs (stage)", context => context.AddCreatedTable("jobs", "app")));
    }

    [Fact]
    public void VacuumFullIsReportedAndAnyVacuumFailsInATransaction()
    {
        Assert.Equal(new[] { "PGM015" }, Lint("VACUUM FULL t", None));
        Assert.Equal(new[] { "PGM015" }, Lint("VACUUM (FULL, ANALYZE) t", None));
        Assert.Equal(new[] { "PGM002" }, Lint("VACUUM ANALYZE t"));
    }

    [Fact]
    public void ConcurrentIndexInATransactionalMigrationIsReported()
    {
        Assert.Equal(new[] { "PGM002" }, Lint("CREATE INDEX CONCURRENTLY ix ON t (c)"));
    }

    [Fact]
    public void ConcurrentIndexInAMultiStatementTextIsReportedEvenWithoutTransaction()
    {
        Assert.Equal(new[] { "PGM002" }, Lint("SET lock_timeout = '1s'; CREATE INDEX CONCURRENTLY ix ON t (c)", None));
    }

    [Fact]
    public void ConcurrentStatementsRunOneByOneAreNotReported()
    {
        Assert.Empty(Lint("CREATE INDEX CONCURRENTLY a ON t (c); CREATE INDEX CONCURRENTLY b ON t (d)", context =>
        {
            context.InTransaction = false;
            context.IsSingleCommand = false;
        }));
    }

    [Fact]
    public void ValidateInTheTransactionThatAddedTheConstraintIsReported()
    {
        Assert.Equal(
            new[] { "PGM006" },
            Lint("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT fk"));
    }

    [Fact]
    public void ValidateOfAConstraintAddedByAnEarlierExpressionOfTheTransactionIsReported()
    {
        var context = new SqlLintContext();
        SqlLinter.Lint("ALTER TABLE t ADD CONSTRAINT ck CHECK (c > 0) NOT VALID", context);

        Assert.Equal(new[] { "PGM006" }, SqlLinter.Lint("ALTER TABLE t VALIDATE CONSTRAINT ck", context).Select(finding => finding.RuleId));
    }

    [Fact]
    public void ValidateInALaterCommandOfANoneMigrationIsNotReported()
    {
        var context = new SqlLintContext { InTransaction = false };
        SqlLinter.Lint("ALTER TABLE t ADD CONSTRAINT ck CHECK (c > 0) NOT VALID", context);

        Assert.Empty(SqlLinter.Lint("ALTER TABLE t VALIDATE CONSTRAINT ck", context));
    }

    [Fact]
    public void SetNotNullAfterAValidatedNotNullCheckIsNotReported()
    {
        Assert.Empty(Lint("ALTER TABLE t ALTER COLUMN c SET NOT NULL", context => context.AddValidatedNotNullCheck("T", "c")));
    }

    [Fact]
    public void SetNotNullAfterAValidatedCheckBeforePostgres12IsReported()
    {
        Assert.Equal(new[] { "PGM008" }, Lint("ALTER TABLE t ALTER COLUMN c SET NOT NULL", context =>
        {
            context.AddValidatedNotNullCheck("t", "c");
            context.PostgresVersion = 11;
        }));
    }

    [Fact]
    public void SetNotNullWithATypeClauseStaysReportedAfterAValidatedCheck()
    {
        var findings = SqlLinter.Lint("ALTER TABLE \"public\".\"t\" ALTER \"c\" TYPE bigint, ALTER \"c\" SET NOT NULL;", Context(context =>
        {
            context.AddValidatedNotNullCheck("t", "c");
            context.ColumnTypeResolver = (_, _, _) => "bigint";
        }));

        var finding = Assert.Single(findings);
        Assert.Equal("PGM008", finding.RuleId);
        Assert.Contains("TYPE clause", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotNullCheckValidatedInTheSameTextAllowsSetNotNull()
    {
        Assert.Equal(
            new[] { "PGM006" },
            Lint("ALTER TABLE t ADD CONSTRAINT c_nn CHECK (c IS NOT NULL) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT c_nn; ALTER TABLE t ALTER c SET NOT NULL"));
    }

    [Theory]
    [InlineData("varchar(100)", "varchar(200)")]
    [InlineData("character varying(100)", "text")]
    [InlineData("numeric(10,2)", "numeric(12, 2)")]
    [InlineData("integer", "int4")]
    public void TypeChangeWithoutRewriteIsNotReported(string from, string to)
    {
        Assert.Empty(Lint("ALTER TABLE t ALTER COLUMN c TYPE " + to, context => context.ColumnTypeResolver = (_, _, _) => from));
    }

    [Theory]
    [InlineData("integer", "bigint", "from integer to bigint")]
    [InlineData("varchar(200)", "varchar(100)", "from varchar(200) to varchar(100)")]
    [InlineData("numeric(10,2)", "numeric(12,3)", "from numeric(10, 2) to numeric(12, 3)")]
    public void RewritingTypeChangeNamesBothTypes(string from, string to, string expected)
    {
        var finding = Assert.Single(SqlLinter.Lint("ALTER TABLE t ALTER COLUMN c TYPE " + to, Context(context => context.ColumnTypeResolver = (_, _, _) => from)));

        Assert.Equal(
            "Changing column 'c' of table 't' " + expected + " rewrites the table under an ACCESS EXCLUSIVE lock and may break running code. Add a new column, backfill it in batches and switch over (expand/contract).",
            finding.Message);
    }

    [Fact]
    public void TypeChangeOfAnUnknownColumnSaysSo()
    {
        var finding = Assert.Single(SqlLinter.Lint("ALTER TABLE t ALTER c TYPE bigint", new SqlLintContext()));

        Assert.Contains("to bigint (the migrations do not show its current type, so a rewrite is assumed)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyDefaultRewritesBeforePostgres11()
    {
        Assert.Equal(new[] { "PGM010" }, Lint("ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0", context => context.PostgresVersion = 10));
        Assert.Empty(Lint("ALTER TABLE t ADD COLUMN c int DEFAULT NULL", context => context.PostgresVersion = 10));
    }

    [Fact]
    public void AddingAnEnumValueInATransactionBeforePostgres12IsReported()
    {
        Assert.Equal(new[] { "PGM036" }, Lint("ALTER TYPE mood ADD VALUE 'ok'", context => context.PostgresVersion = 11));
        Assert.Empty(Lint("ALTER TYPE mood ADD VALUE 'ok'", context =>
        {
            context.PostgresVersion = 11;
            context.InTransaction = false;
        }));
    }

    [Fact]
    public void UsingANewEnumValueInTheSameTransactionIsReported()
    {
        Assert.Equal(new[] { "PGM036" }, Lint("ALTER TYPE mood ADD VALUE 'ok'; UPDATE t SET m = 'ok' WHERE id = 1"));
    }

    [Fact]
    public void FindingPointsAtItsStatementAndUsesTheCatalogMessage()
    {
        const string sql = "SELECT 1;\n  CREATE INDEX ix_jobs_stage ON jobs (stage);";
        var finding = Assert.Single(SqlLinter.Lint(sql, new SqlLintContext()));

        Assert.Equal("CREATE INDEX ix_jobs_stage ON jobs (stage)", sql.Substring(finding.Offset, finding.Length));
        Assert.Equal("CREATE INDEX ix_jobs_stage ON jobs (stage)", finding.StatementText);
        Assert.Equal(
            "Creating index 'ix_jobs_stage' on existing table 'jobs' blocks writes for the whole build. Use .WithOptions().AsConcurrently() in a migration with TransactionBehavior.None.",
            finding.Message);
    }

    [Fact]
    public void EveryActionOfAnAlterTableIsJudged()
    {
        Assert.Equal(new[] { "PGM030", "PGM031" }, Lint("ALTER TABLE t DROP COLUMN a, RENAME COLUMN b TO c"));
    }

    private static SqlLintContext Context(Action<SqlLintContext> configure)
    {
        var context = new SqlLintContext();
        configure(context);
        return context;
    }

    [Fact]
    public void BeginAndCommitInATransactionalMigration_AreBothReported()
    {
        Assert.Equal(new[] { "PGM017", "PGM017" }, Lint("BEGIN; CREATE TABLE a (id int); COMMIT;"));
    }

    [Fact]
    public void TransactionControlInANoneMigration_IsHowStatementsAreGrouped()
    {
        Assert.Empty(Lint("BEGIN; UPDATE t SET a = 1 WHERE id < 1000; COMMIT;", None));
    }

    [Fact]
    public void TransactionControlFinding_NamesTheStatement()
    {
        var finding = Assert.Single(SqlLinter.Lint("START TRANSACTION", new SqlLintContext()));
        Assert.StartsWith("'START TRANSACTION' inside a migration that runs in a transaction", finding.Message);
    }
}
