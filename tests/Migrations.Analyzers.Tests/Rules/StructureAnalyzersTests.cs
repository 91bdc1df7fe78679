using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using VerifyEmptyDown = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.EmptyDownAnalyzer>;
using VerifyIfDatabase = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.IfDatabasePostgresAnalyzer>;
using VerifyIrreversible = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.IrreversibleInAutoReversingAnalyzer>;
using VerifyOffline = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.CannotRenderOfflineAnalyzer>;
using VerifyOptionOrder = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.IndexOptionAfterMethodAnalyzer>;
using VerifySqlServer = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.SqlServerExtensionAnalyzer>;
using VerifyBackfill = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.SchemaChangeWithBackfillAnalyzer>;
using VerifyUnnamed = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.ConcurrentIndexWithoutNameAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class StructureAnalyzersTests
{
    private const string None = "[Migration(202601010000, TransactionBehavior.None)]";

    [Fact]
    public async Task EmptyDown_IsReported()
    {
        const string source = """
            using FluentMigrator;

            [Migration(202601010000)]
            public class AddJobs : Migration
            {
                public override void Up() => Create.Table("jobs").WithColumn("id").AsInt64().PrimaryKey();

                public override void {|#0:Down|}()
                {
                }
            }
            """;

        await VerifyEmptyDown.VerifyAnalyzerAsync(source, VerifyEmptyDown.Diagnostic("PGM102").WithLocation(0).WithMessage(
            "Migration 'AddJobs' has an empty Down(), so a rollback silently does nothing. Write the reverse steps or derive from ForwardOnlyMigration."));
    }

    [Fact]
    public async Task ForwardOnlyMigrationOrDownWithSteps_IsNotReported()
    {
        await VerifyEmptyDown.VerifyAnalyzerAsync(Code.UpOnly("""Create.Table("jobs").WithColumn("id").AsInt64().PrimaryKey();""", "ForwardOnlyMigration")
            .Replace("TestMigration", "ForwardOnly") + Code.Migration("", down: """Delete.Table("jobs");""", attributes: "[Migration(202601020000)]").Replace("using FluentMigrator;\nusing Migrations;\nusing FluentMigrator.Postgres;\n", string.Empty).Replace(Code.AllowUnsafeAttribute, string.Empty));
    }

    [Fact]
    public async Task AlterColumnInAutoReversingMigration_IsReported()
    {
        await VerifyIrreversible.VerifyAnalyzerAsync(Code.UpOnly("""Alter.{|#0:Column("title")|}.OnTable("jobs").AsString(200).Nullable();""", "AutoReversingMigration"),
            VerifyIrreversible.Diagnostic("PGM103").WithLocation(0).WithMessage(
                "Alter.Column() in AutoReversingMigration 'TestMigration' cannot be reversed, so rollback throws. Derive from Migration and write Down()."));
    }

    [Fact]
    public async Task ExecuteThroughIfDatabaseInAutoReversingMigration_IsReported()
    {
        await VerifyIrreversible.VerifyAnalyzerAsync(Code.UpOnly("""IfDatabase("PostgreSQL").Execute.{|#0:Sql("SELECT 1")|};""", "AutoReversingMigration"),
            VerifyIrreversible.Diagnostic("PGM103").WithLocation(0).WithArguments("Execute.Sql()", "TestMigration"));
    }

    [Fact]
    public async Task ReversibleExpressionsInAutoReversingMigration_AreNotReported()
    {
        await VerifyIrreversible.VerifyAnalyzerAsync(Code.UpOnly("""
            Create.Table("jobs").WithColumn("id").AsInt64().PrimaryKey();
            Alter.Table("jobs").AddColumn("title").AsString().Nullable();
            Create.Index("ix_jobs_title").OnTable("jobs").OnColumn("title");
            Rename.Column("title").OnTable("jobs").To("name");
            """, "AutoReversingMigration"));
    }

    [Fact]
    public async Task IfDatabasePostgres_IsReported()
    {
        await VerifyIfDatabase.VerifyAnalyzerAsync(Code.Migration("""IfDatabase({|#0:"Postgres"|}).Execute.Sql("SELECT 1");"""), VerifyIfDatabase.Diagnostic("PGM104").WithLocation(0).WithMessage(
            "IfDatabase(\"Postgres\") never matches the PostgreSQL processor of FluentMigrator 8, so these expressions are skipped. Use \"PostgreSQL\"."));
    }

    [Fact]
    public async Task IfDatabasePostgreSql_IsNotReported()
    {
        await VerifyIfDatabase.VerifyAnalyzerAsync(Code.Migration("""IfDatabase("PostgreSQL", "SqlServer").Execute.Sql("SELECT 1");"""));
    }

    [Fact]
    public async Task SqlServerExtensionInPostgresMigration_IsReported()
    {
        await VerifySqlServer.VerifyAnalyzerAsync(
            Code.Migration("""Create.Index("ix").OnTable("jobs").OnColumn("stage").Ascending().WithOptions().{|#0:Filter("stage IS NOT NULL")|};""", usings: "using FluentMigrator.SqlServer;"),
            VerifySqlServer.Diagnostic("PGM105").WithLocation(0).WithMessage("Filter() is a SQL Server extension that the PostgreSQL generator silently ignores. Use the FluentMigrator.Postgres extension or raw SQL."));
    }

    [Fact]
    public async Task PostgresExtensionWithSameName_IsNotReported()
    {
        await VerifySqlServer.VerifyAnalyzerAsync(Code.Migration("""Create.Index("ix").OnTable("jobs").OnColumn("stage").Ascending().WithOptions().Filter("stage IS NOT NULL");"""));
    }

    [Fact]
    public async Task AsConcurrentlyAfterUsingGin_IsReported()
    {
        await VerifyOptionOrder.VerifyAnalyzerAsync(
            Code.Migration("""Create.Index("ix_docs_body").OnTable("docs").OnColumn("body").Ascending().WithOptions().UsingGin().{|#0:AsConcurrently()|};""", attributes: None),
            VerifyOptionOrder.Diagnostic("PGM106").WithLocation(0).WithMessage("AsConcurrently() after UsingGin() throws at run time in FluentMigrator 8.0.1. Call AsConcurrently() before UsingGin()."));
    }

    [Fact]
    public async Task AsConcurrentlyBeforeUsingGin_IsNotReported()
    {
        await VerifyOptionOrder.VerifyAnalyzerAsync(Code.Migration("""Create.Index("ix_docs_body").OnTable("docs").OnColumn("body").Ascending().WithOptions().AsConcurrently().UsingGin();""", attributes: None));
    }

    [Fact]
    public async Task SchemaExistsAndWithConnection_AreReported()
    {
        await VerifyOffline.VerifyAnalyzerAsync(
            Code.Migration("""
                if (!Schema.Table("jobs").{|#0:Exists()|})
                {
                    Execute.{|#1:WithConnection((connection, transaction) => { })|};
                }
                """),
            VerifyOffline.Diagnostic("PGM107").WithLocation(0).WithMessage("Schema.Table(..).Exists() runs against the live database, so the SQL review and the checksum of this migration are incomplete. Prefer plain expressions or Execute.Sql."),
            VerifyOffline.Diagnostic("PGM107").WithLocation(1).WithArguments("Execute.WithConnection()"));
    }

    [Fact]
    public async Task SchemaChangeAndBackfillOfOneTable_IsReported()
    {
        await VerifyBackfill.VerifyAnalyzerAsync(
            Code.Migration("""
                Alter.Table("jobs").AddColumn("priority").AsInt32().Nullable();
                {|#0:Update.Table("jobs").Set(new { priority = 0 }).Where(new { stage = "new" })|};
                """),
            VerifyBackfill.Diagnostic("PGM108").WithLocation(0).WithMessage(
                "Migration 'TestMigration' changes the schema of table 'jobs' and backfills its data in one transaction, holding the DDL lock during the backfill. Put the backfill in its own migration."));
    }

    [Fact]
    public async Task BackfillOfAnotherTableOrInNoneMigration_IsNotReported()
    {
        await VerifyBackfill.VerifyAnalyzerAsync(Code.Migration("""
            Alter.Table("jobs").AddColumn("priority").AsInt32().Nullable();
            Update.Table("users").Set(new { active = true }).Where(new { id = 1 });
            """));
    }

    [Fact]
    public async Task ConcurrentIndexWithoutNameInRawSql_IsReported()
    {
        await VerifyUnnamed.VerifyAnalyzerAsync(
            Code.Migration("""Execute.Sql({|#0:"CREATE INDEX CONCURRENTLY ON jobs (stage)"|});""", attributes: None),
            VerifyUnnamed.Diagnostic("PGM109").WithLocation(0).WithMessage("A concurrent index on 'jobs' has no explicit name, so a retry after a failed build cannot find the INVALID index it left. Name the index."));
    }

    [Fact]
    public async Task UnnamedFluentConcurrentIndex_IsNotReported_FluentMigratorNamesIt()
    {
        // FluentMigrator's conventions render it as "IX_jobs_stage": a retry finds the INVALID index by that name.
        await VerifyUnnamed.VerifyAnalyzerAsync(Code.Migration("""Create.Index().OnTable("jobs").OnColumn("stage").Ascending().WithOptions().AsConcurrently();""", attributes: None));
    }

    [Fact]
    public async Task NamedConcurrentIndex_IsNotReported()
    {
        await VerifyUnnamed.VerifyAnalyzerAsync(Code.Migration("""Create.Index("ix_jobs_stage").OnTable("jobs").OnColumn("stage").Ascending().WithOptions().AsConcurrently();""", attributes: None));
    }
}
