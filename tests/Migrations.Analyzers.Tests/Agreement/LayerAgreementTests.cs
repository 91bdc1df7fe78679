using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;

namespace Migrations.Analyzers.Tests.Agreement;

/// <summary>
/// One verdict: each case is judged by the analyzers (C#) and by the build (the SQL FluentMigrator renders for the
/// same code), and both must give exactly the expected rules per migration. The cases are the shapes real projects
/// write: history across migrations, template-method base classes, helpers, constants, database branches, tags.
/// </summary>
public sealed class LayerAgreementTests
{
    private const string Usings = "using FluentMigrator;\nusing FluentMigrator.Postgres;\nusing Migrations;\nusing Migrations.Runtime.Backfill;\n";

    private const string CreateWidgets = """
        [Migration(202401010000)]
        public class CreateWidgets : Migration
        {
            public override void Up() => Create.Table("widgets")
                .WithColumn("id").AsInt64().PrimaryKey().Identity()
                .WithColumn("name").AsString(100).Nullable()
                .WithColumn("title").AsString(200).NotNullable();

            public override void Down() => Delete.Table("widgets");
        }
        """;

    [Fact]
    public Task WideningAVarcharTheHistoryKnows_IsSafe() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class WidenName : ForwardOnlyMigration
        {
            public override void Up() => Alter.Column("name").OnTable("widgets").AsString(500).Nullable();
        }
        """);

    [Fact]
    public Task NarrowingAVarchar_Rewrites() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class ShortenName : ForwardOnlyMigration
        {
            public override void Up() => Alter.Column("name").OnTable("widgets").AsString(50).Nullable();
        }
        """, ("ShortenName", "PGM009"));

    [Fact]
    public Task IntToBigint_Rewrites_AndTheIntKeyIsNoted() => Agree("""
        [Migration(202401010000)]
        public class CreateOrders : Migration
        {
            public override void Up() => Create.Table("orders").WithColumn("id").AsInt32().PrimaryKey();

            public override void Down() => Delete.Table("orders");
        }

        [Migration(202401020000)]
        public class WidenOrderId : ForwardOnlyMigration
        {
            public override void Up() => Alter.Column("id").OnTable("orders").AsInt64();
        }
        """, ("CreateOrders", "PGM050"), ("WidenOrderId", "PGM009"));

    [Fact]
    public Task RestatingTheTypeToDropNotNull_IsNoTypeChange() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class MakeTitleOptional : ForwardOnlyMigration
        {
            public override void Up() => Alter.Column("title").OnTable("widgets").AsString(200).Nullable();
        }
        """);

    [Fact]
    public Task RestatingNotNullOnAPrimaryKey_IsNoScan() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class RestateId : ForwardOnlyMigration
        {
            public override void Up() => Alter.Column("id").OnTable("widgets").AsInt64().NotNullable();
        }
        """);

    [Fact]
    public Task NotNullOnANullableColumn_Scans() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class RequireName : ForwardOnlyMigration
        {
            public override void Up() => Alter.Column("name").OnTable("widgets").AsString(100).NotNullable();
        }
        """, ("RequireName", "PGM008"));

    [Fact]
    public Task TheDocumentedSetNotNullRecipe_PassesInBothLayers() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class AddNameCheck : Migration
        {
            public override void Up() => Execute.Sql("ALTER TABLE widgets ADD CONSTRAINT widgets_name_nn CHECK (name IS NOT NULL) NOT VALID");

            public override void Down() => Execute.Sql("ALTER TABLE widgets DROP CONSTRAINT widgets_name_nn");
        }

        [Migration(202401030000)]
        public class ValidateNameCheck : ForwardOnlyMigration
        {
            public override void Up() => Execute.Sql("ALTER TABLE widgets VALIDATE CONSTRAINT widgets_name_nn");
        }

        [Migration(202401040000)]
        public class RequireName : Migration
        {
            public override void Up()
            {
                Execute.Sql("ALTER TABLE widgets ALTER COLUMN name SET NOT NULL");
                Execute.Sql("ALTER TABLE widgets DROP CONSTRAINT widgets_name_nn");
            }

            public override void Down() => Execute.Sql("ALTER TABLE widgets ALTER COLUMN name DROP NOT NULL");
        }
        """);

    [Fact]
    public Task ATableCreatedInRawSql_IsKnownToTheHistory() => Agree("""
        [Migration(202401010000)]
        public class CreateAccounts : Migration
        {
            public override void Up() => Execute.Sql("CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(100) NOT NULL)");

            public override void Down() => Execute.Sql("DROP TABLE accounts");
        }

        [Migration(202401020000)]
        public class WidenEmail : ForwardOnlyMigration
        {
            public override void Up() => Alter.Column("email").OnTable("accounts").AsString(255).NotNullable();
        }
        """);

    [Fact]
    public Task AnIndexOnATableOfTheSameMigration_IsSafe_OnAnExistingOne_IsNot() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class CreateTags : Migration
        {
            public override void Up()
            {
                Create.Table("tags").WithColumn("id").AsInt64().PrimaryKey().WithColumn("label").AsString().NotNullable();
                Create.Index("ix_tags_label").OnTable("tags").OnColumn("label");
                Create.Index("ix_widgets_title").OnTable("widgets").OnColumn("title");
            }

            public override void Down() => Delete.Table("tags");
        }
        """, ("CreateTags", "PGM001"));

    [Fact]
    public Task ATableOfAnUnshippedMigration_IsStillEmpty() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class CreateProjects : Migration
        {
            public override void Up() => Create.Table("projects").WithColumn("id").AsInt64().PrimaryKey().WithColumn("owner").AsInt64().NotNullable();

            public override void Down() => Delete.Table("projects");
        }

        [Migration(202401030000)]
        public class IndexProjectOwners : Migration
        {
            public override void Up() => Create.Index("ix_projects_owner").OnTable("projects").OnColumn("owner");

            public override void Down() => Delete.Index("ix_projects_owner").OnTable("projects");
        }
        """, new Dictionary<string, string> { ["MigrationsShippedThrough"] = "202401010000" });

    [Fact]
    public Task ATableOfAShippedMigration_HasRows() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class CreateProjects : Migration
        {
            public override void Up() => Create.Table("projects").WithColumn("id").AsInt64().PrimaryKey().WithColumn("owner").AsInt64().NotNullable();

            public override void Down() => Delete.Table("projects");
        }

        [Migration(202401030000)]
        public class IndexProjectOwners : Migration
        {
            public override void Up() => Create.Index("ix_projects_owner").OnTable("projects").OnColumn("owner");

            public override void Down() => Delete.Index("ix_projects_owner").OnTable("projects");
        }
        """, new Dictionary<string, string> { ["MigrationsShippedThrough"] = "202401020000" }, ("IndexProjectOwners", "PGM001"));

    [Fact]
    public Task MovingShippedThroughPastAMigration_StopsJudgingItsDeploy_ButNotItsRollback() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class IndexWidgetTitles : Migration
        {
            public override void Up() => Create.Index("ix_widgets_title").OnTable("widgets").OnColumn("title");

            public override void Down() { }
        }

        [Migration(202401030000)]
        public class IndexWidgetNames : ForwardOnlyMigration
        {
            public override void Up() => Create.Index("ix_widgets_name").OnTable("widgets").OnColumn("name");
        }
        """, new Dictionary<string, string> { ["MigrationsShippedThrough"] = "202401020000" }, ("IndexWidgetTitles", "PGM102"), ("IndexWidgetNames", "PGM001"));

    [Fact]
    public Task ATemplateMethodBaseClass_IsFollowedIntoTheOverride() => Agree(CreateWidgets + """
        public abstract class AppMigration : ForwardOnlyMigration
        {
            public override void Up() => Apply();

            protected abstract void Apply();
        }

        [Migration(202401020000)]
        public class IndexWidgetTitles : AppMigration
        {
            protected override void Apply() => Create.Index("ix_widgets_title").OnTable("widgets").OnColumn("title");
        }
        """, ("IndexWidgetTitles", "PGM001"));

    [Fact]
    public Task AHelperIsFollowedWithItsArguments() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class IndexWidgetNames : ForwardOnlyMigration
        {
            public override void Up() => IndexOn("widgets", "name");

            private void IndexOn(string table, string column) => Create.Index("ix_" + table + "_" + column).OnTable(table).OnColumn(column);
        }
        """, ("IndexWidgetNames", "PGM001"));

    [Fact]
    public Task ConstantsAndStaticReadonlyNames_AreRead() => Agree(CreateWidgets + """
        public static class Names
        {
            public const string Widgets = "widgets";
            public static readonly string Title = "title";
        }

        [Migration(202401020000)]
        public class DropTitle : ForwardOnlyMigration
        {
            public override void Up() => Delete.Column(Names.Title).FromTable(Names.Widgets);
        }
        """, ("DropTitle", "PGM030"));

    [Fact]
    public Task ABranchForAnotherDatabase_NeverRunsOnPostgreSql() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class PerDatabase : ForwardOnlyMigration
        {
            public override void Up()
            {
                IfDatabase("SqlServer").Execute.Sql("CREATE PROCEDURE p AS BEGIN UPDATE widgets SET name = 'x' END");
                IfDatabase("SQLite").Delegate(() => Create.Index("ix_widgets_title").OnTable("widgets").OnColumn("title"));
                IfDatabase("PostgreSQL").Create.Index("ix_widgets_name").OnTable("widgets").OnColumn("name");
            }
        }
        """, ("PerDatabase", "PGM001"));

    [Fact]
    public Task AMigrationTheTagsExclude_IsNotJudged() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        [Tags("SqlServer")]
        public class SqlServerOnly : ForwardOnlyMigration
        {
            public override void Up() => Delete.Table("widgets");
        }

        [Migration(202401030000)]
        [Tags("PostgreSQL")]
        public class PostgresOnly : ForwardOnlyMigration
        {
            public override void Up() => Delete.Column("title").FromTable("widgets");
        }
        """, new Dictionary<string, string> { ["MigrationsTags"] = "PostgreSQL" }, ("PostgresOnly", "PGM030"));

    [Fact]
    public Task AProjectsOwnTagAttribute_ExcludesLikeTags() => Agree(CreateWidgets + """
        public sealed class SqlServerOnlyAttribute : TagsAttribute
        {
            public SqlServerOnlyAttribute()
                : base("SqlServer")
            {
            }
        }

        [Migration(202401020000)]
        [SqlServerOnly]
        public class RebuildOnSqlServer : ForwardOnlyMigration
        {
            public override void Up() => Delete.Table("widgets");
        }
        """);

    [Fact]
    public Task ARawUpdateAfterASchemaChange_HoldsTheDdlLock() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class AddColour : Migration
        {
            public override void Up()
            {
                Alter.Table("widgets").AddColumn("colour").AsString().Nullable();
                Execute.Sql("UPDATE widgets SET colour = 'red' WHERE id < 1000");
            }

            public override void Down() => Delete.Column("colour").FromTable("widgets");
        }
        """, ("AddColour", "PGM108"));

    [Fact]
    public Task SetExistingRowsTo_UpdatesEveryRowAndScans() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class AddPriority : Migration
        {
            public override void Up() => Alter.Table("widgets").AddColumn("priority").AsInt32().SetExistingRowsTo(0).NotNullable();

            public override void Down() => Delete.Column("priority").FromTable("widgets");
        }
        """, ("AddPriority", "PGM008,PGM014,PGM108"));

    [Fact]
    public Task IndexesBuiltInALoop_AreJudgedUnderComputedNames() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class IndexColumns : ForwardOnlyMigration
        {
            public override void Up()
            {
                foreach (var column in new[] { "name", "title" })
                {
                    Create.Index("ix_widgets_" + column).OnTable("widgets").OnColumn(column);
                }
            }
        }
        """, ("IndexColumns", "PGM001"));

    [Fact]
    public Task AllowUnsafeWithAReason_CountsInBothLayers() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        [AllowUnsafe("PGM030", Reason = "title unused since release 12")]
        public class DropTitle : ForwardOnlyMigration
        {
            public override void Up() => Delete.Column("title").FromTable("widgets");
        }
        """);

    [Fact]
    public Task AVolatileDefaultAndAnIdentity_Rewrite() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class AddKeys : ForwardOnlyMigration
        {
            public override void Up()
            {
                Alter.Table("widgets").AddColumn("token").AsGuid().Nullable().WithDefault(SystemMethods.NewGuid);
                Alter.Table("widgets").AddColumn("created").AsDateTimeOffset().NotNullable().WithDefault(SystemMethods.CurrentDateTimeOffset);
            }
        }
        """, ("AddKeys", "PGM010"));

    [Fact]
    public Task AConcurrentIndexInATransaction_FailsAtDeploy() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class IndexConcurrently : ForwardOnlyMigration
        {
            public override void Up() => Create.Index("ix_widgets_name").OnTable("widgets").OnColumn("name").Ascending().WithOptions().AsConcurrently();
        }
        """, ("IndexConcurrently", "PGM002"));

    [Fact]
    public Task AnEmptyDownInheritedFromABaseClass_RollsBackNothing() => Agree(CreateWidgets + """
        public abstract class QuietMigration : Migration
        {
            public override void Down() { }
        }

        [Migration(202401020000)]
        public class AddColour : QuietMigration
        {
            public override void Up() => Alter.Table("widgets").AddColumn("colour").AsString().Nullable();
        }
        """, ("AddColour", "PGM102"));

    [Fact]
    public Task AnEmptyDownOfAnEmptyUp_AndADownThatThrowsNotImplemented_AreNoFindings() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class Placeholder : Migration
        {
            public override void Up() { }

            public override void Down() { }
        }

        [Migration(202401030000)]
        public class AddColour : Migration
        {
            public override void Up() => Alter.Table("widgets").AddColumn("colour").AsString().Nullable();

            public override void Down() => throw new System.NotImplementedException();
        }
        """);

    [Theory]
    [InlineData(2018010101)]
    [InlineData(20180101120099)]
    [InlineData(1514764800)]
    [InlineData(1514764800123)]
    [InlineData(637160666562551771)]
    [InlineData(20180101120000123)]
    public Task TimestampShapedVersions_AreTimestamps(long version) => Agree(CreateWidgets + $$"""
        [Migration({{version}})]
        public class AddColour : ForwardOnlyMigration
        {
            public override void Up() => Alter.Table("widgets").AddColumn("colour").AsString().Nullable();
        }
        """);

    [Fact]
    public Task ASequentialVersion_IsNot() => Agree(CreateWidgets + """
        [Migration(7)]
        public class AddColour : ForwardOnlyMigration
        {
            public override void Up() => Alter.Table("widgets").AddColumn("colour").AsString().Nullable();
        }
        """, ("AddColour", "PGM101"));

    [Fact]
    public Task OneVersionTwice_IsADuplicateOnlyWhereTheBundleLoadsBoth() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class AddColour : ForwardOnlyMigration
        {
            public override void Up() => Alter.Table("widgets").AddColumn("colour").AsString().Nullable();
        }

        [Migration(202401020000)]
        [Tags("SqlServer")]
        public class AddColourOnSqlServer : ForwardOnlyMigration
        {
            public override void Up() => Alter.Table("widgets").AddColumn("colour").AsString().Nullable();
        }

        [Migration(202401030000)]
        public class AddSize : ForwardOnlyMigration
        {
            public override void Up() => Alter.Table("widgets").AddColumn("size").AsInt32().Nullable();
        }

        [Migration(202401030000)]
        public class AddWeight : ForwardOnlyMigration
        {
            public override void Up() => Alter.Table("widgets").AddColumn("weight").AsInt32().Nullable();
        }
        """, ("AddSize", "PGM100"), ("AddWeight", "PGM100"));

    [Fact]
    public Task UnnamedKeysAndConstraints_CarryFluentMigratorsNames() => Agree(CreateWidgets + """
        [Migration(202401020000)]
        public class CreateOwners : Migration
        {
            public override void Up() => Create.Table("owners").WithColumn("id").AsInt64().PrimaryKey();

            public override void Down() => Delete.Table("owners");
        }

        [Migration(202401030000)]
        public class LinkWidgets : ForwardOnlyMigration
        {
            public override void Up()
            {
                Alter.Table("widgets").AddColumn("owner_id").AsInt64().Nullable().ForeignKey("owners", "id");
                Create.ForeignKey().FromTable("widgets").ForeignColumn("id").ToTable("owners").PrimaryColumn("id");
                Create.UniqueConstraint().OnTable("widgets").Columns("name", "title");
                Delete.Index().OnTable("widgets").OnColumn("title");
            }
        }
        """, ("LinkWidgets", "PGM003,PGM004,PGM007"));

    [Fact]
    public Task AHelperReturningTheBuilder_KeepsTheColumnsItsCallerAdds() => Agree("""
        public static class Tables
        {
            public static FluentMigrator.Builders.Create.Table.ICreateTableWithColumnSyntax TableWithId(this FluentMigrator.Builders.Create.ICreateExpressionRoot create, string name) =>
                create.Table(name).WithColumn("id").AsInt64().PrimaryKey().Identity();
        }

        [Migration(202401010000)]
        public class CreateEvents : Migration
        {
            public override void Up() => Create.TableWithId("events").WithColumn("happened").AsDateTimeOffset().NotNullable();

            public override void Down() => Delete.Table("events");
        }

        [Migration(202401020000)]
        public class RestateHappened : ForwardOnlyMigration
        {
            public override void Up() => Alter.Column("happened").OnTable("events").AsDateTimeOffset().NotNullable();
        }
        """);

    [Fact]
    public Task ACallInAlternativeBranches_RunsOnce() => Agree(CreateWidgets + """
        public abstract class TwoDatabaseMigration : ForwardOnlyMigration
        {
            public bool ForLogs { get; set; }

            public override void Up()
            {
                switch (ForLogs)
                {
                    case true:
                        LogUpgrade();
                        return;
                    case false:
                        MainUpgrade();
                        return;
                    default:
                        LogUpgrade();
                        MainUpgrade();
                        return;
                }
            }

            protected virtual void MainUpgrade() { }

            protected virtual void LogUpgrade() { }
        }

        [Migration(202401020000)]
        public class ClearAndReshape : TwoDatabaseMigration
        {
            protected override void MainUpgrade()
            {
                Delete.FromTable("widgets").AllRows();
                Alter.Table("widgets").AddColumn("colour").AsString().Nullable();
            }

        }
        """, ("ClearAndReshape", "PGM014"));

    [Fact]
    public Task LongForeignKeyNames_AreReportedOnceEach() => Agree("""
        [Migration(202401010000)]
        public class CreateNotifications : Migration
        {
            public override void Up()
            {
                Create.Table("notification_messages").WithColumn("id").AsInt64().PrimaryKey();
                Create.Table("notification_rules").WithColumn("id").AsInt64().PrimaryKey()
                    .WithColumn("notification_message_id").AsInt64().NotNullable()
                    .WithColumn("notification_message_copy_id").AsInt64().NotNullable();
                Create.ForeignKey()
                    .FromTable("notification_rules").ForeignColumn("notification_message_id")
                    .ToTable("notification_messages").PrimaryColumn("id");
                Create.ForeignKey()
                    .FromTable("notification_rules").ForeignColumn("notification_message_copy_id")
                    .ToTable("notification_messages").PrimaryColumn("id");
            }

            public override void Down() => Delete.Table("notification_rules");
        }
        """, ("CreateNotifications", "PGM054"));

    [Fact]
    public Task AnOverrideCallingBaseUp_RunsTheBaseClassesCodeOnce() => Agree("""
        public class ProjectMigration : Migration
        {
            public override void Up() => Create.Table("audit").WithColumn("id").AsInt64().PrimaryKey().WithColumn("at").AsDateTimeOffset().NotNullable();

            public override void Down() { }
        }

        [Migration(202401010000)]
        public class CreateWidgets : ProjectMigration
        {
            public override void Up()
            {
                Create.Table("widgets").WithColumn("id").AsInt32().PrimaryKey();
                base.Up();
            }

            public override void Down() => Delete.Table("widgets");
        }
        """, ("CreateWidgets", "PGM050"));

    [Fact]
    public async Task ABackfill_EvenRightAfterASchemaChangeOfItsTable_IsFlaggedByNeitherLayer_AndTheIdeReadsIt()
    {
        var said = await AgreeOn(CreateWidgets + """
            [Migration(202401020000, TransactionBehavior.None)]
            public class PaintWidgets : Migration
            {
                public override void Up()
                {
                    Alter.Table("widgets").AddColumn("colour").AsString().Nullable();
                    Execute.Backfill("widgets").Set("colour = 'red'");
                    Execute.Backfill("widgets").InSchema("public").Delete().Where("title = ''");
                }

                public override void Down() => Delete.Column("colour").FromTable("widgets");
            }
            """, new Dictionary<string, string>(), []);

        Assert.Empty(said);
    }

    /// <summary>The IDE does not see .sql migrations (generated code): the build alone judges them, and finds nothing here.</summary>
    [Fact]
    public Task ABackfillDirectiveInASqlMigration_IsNoWholeTableUpdate() => AgreeOn(CreateWidgets, new Dictionary<string, string>(), [new TwoLayers.SqlMigration(202401020000, "PaintWidgets", """
        -- migrations: no-transaction
        ALTER TABLE widgets ADD COLUMN colour text;
        -- migrations: backfill
        UPDATE widgets SET colour = 'red';
        -- migrations: backfill
        DELETE FROM widgets WHERE title = '';
        """)]);

    [Fact]
    public async Task ARawWholeTableUpdate_IsStillFlagged_AndPointsAtExecuteBackfill()
    {
        var messages = await AgreeOn(CreateWidgets + """
            [Migration(202401020000, TransactionBehavior.None)]
            public class PaintWidgets : ForwardOnlyMigration
            {
                public override void Up() => Execute.Sql("UPDATE widgets SET title = upper(title)");
            }
            """, new Dictionary<string, string>(), [], ("PaintWidgets", "PGM014"));

        Assert.Contains(messages, message => message.StartsWith("PaintWidgets PGM014: UPDATE without a WHERE clause on table 'widgets'", System.StringComparison.Ordinal) && message.Contains("Use Execute.Backfill(", System.StringComparison.Ordinal));
    }

    /// <param name="expected">Per migration class, the rules both layers must report (comma-separated).</param>
    private static Task Agree(string source, params (string Migration, string Rules)[] expected) =>
        Agree(source, new Dictionary<string, string>(), expected);

    private static Task Agree(string source, Dictionary<string, string> properties, params (string Migration, string Rules)[] expected) =>
        AgreeOn(source, properties, [], expected);

    /// <returns>The messages both layers gave, word for word; and what the IDE could not read (PGM112), when asked for.</returns>
    private static async Task<string[]> AgreeOn(string source, Dictionary<string, string> properties, TwoLayers.SqlMigration[] sqlMigrations, params (string Migration, string Rules)[] expected)
    {
        var (ide, build, ideMessages, buildMessages, unread) = await TwoLayers.JudgeAsync(Usings + source, properties, sqlMigrations);
        var wanted = expected.ToDictionary(item => item.Migration, item => item.Rules.Split(',').OrderBy(rule => rule, System.StringComparer.Ordinal).ToArray());

        Assert.Equal(Describe(wanted), Describe(build));
        Assert.Equal(Describe(wanted), Describe(ide));
        // Word for word, except where the IDE cannot know a name a loop computes: "(computed)" against the real one.
        var computed = ideMessages.Where(message => message.Contains("(computed)", System.StringComparison.Ordinal)).Select(message => message[..(message.IndexOf(':') + 1)]).ToHashSet();
        bool Comparable(string message) => !computed.Contains(message[..(message.IndexOf(':') + 1)]);
        Assert.Equal(string.Join("\n", buildMessages.Where(Comparable)), string.Join("\n", ideMessages.Where(Comparable)));
        return [.. buildMessages, .. unread];
    }

    private static string Describe(Dictionary<string, string[]> verdicts) =>
        string.Join("; ", verdicts.OrderBy(pair => pair.Key, System.StringComparer.Ordinal).Select(pair => pair.Key + ": " + string.Join(",", pair.Value)));
}
