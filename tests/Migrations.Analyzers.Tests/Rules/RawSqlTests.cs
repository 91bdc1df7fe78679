using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.OperationRulesVerifier;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class RawSqlTests
{
    private const string None = "[Migration(202601010000, TransactionBehavior.None)]";

    [Fact]
    public async Task RawCreateIndex_IsReportedAtTheLiteral()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Execute.Sql({|#0:"CREATE INDEX ix_jobs_stage ON jobs (stage)"|});"""), Verify.Diagnostic("PGM001").WithLocation(0).WithMessage(
            "Creating index 'ix_jobs_stage' on existing table 'jobs' blocks writes for the whole build. Use .WithOptions().AsConcurrently() in a migration with TransactionBehavior.None."));
    }

    [Fact]
    public async Task RawConcurrentIndexInTransaction_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Execute.Sql({|#0:"CREATE INDEX CONCURRENTLY ix_jobs_stage ON jobs (stage)"|});"""), Verify.Diagnostic("PGM002").WithLocation(0).WithArguments("CREATE INDEX CONCURRENTLY"));
    }

    [Fact]
    public async Task CommitInsideATransactionalMigration_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(
            Code.Migration("""Execute.Sql({|#0:"CREATE TABLE a (id int); COMMIT; CREATE TABLE b (id int);"|});"""),
            Verify.Diagnostic("PGM017").WithLocation(0).WithArguments("COMMIT"));
    }

    [Fact]
    public async Task BeginCommitInANoneMigration_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Execute.Sql("BEGIN; UPDATE jobs SET stage = 'done' WHERE id < 1000; COMMIT;");""", attributes: None));
    }

    [Fact]
    public async Task RawConcurrentIndexInNoneMigration_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Execute.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_jobs_stage ON jobs (stage)");""", attributes: None));
    }

    [Fact]
    public async Task SeveralStatementsWithAConcurrentOne_AreReportedEvenWithoutTransaction()
    {
        await Verify.VerifyAnalyzerAsync(
            Code.Migration("""Execute.Sql({|#0:"SET lock_timeout = '2s'; CREATE INDEX CONCURRENTLY ix_jobs_stage ON jobs (stage);"|});""", attributes: None),
            Verify.Diagnostic("PGM002").WithLocation(0).WithArguments("CREATE INDEX CONCURRENTLY"));
    }

    [Fact]
    public async Task ConstantInterpolation_IsLinted()
    {
        await Verify.VerifyAnalyzerAsync(
            """
            using FluentMigrator;

            [Migration(202601010000)]
            public class DropLegacy : Migration
            {
                private const string Table = "legacy_jobs";

                public override void Up() => Execute.Sql({|#0:$"DROP TABLE {Table}"|});

                public override void Down() { }
            }
            """,
            Verify.Diagnostic("PGM033").WithLocation(0).WithArguments("legacy_jobs"));
    }

    [Fact]
    public async Task NotValidThenValidateInOneTransaction_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(
            Code.Migration("""
                Execute.Sql("ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID");
                Execute.Sql({|#0:"ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_customer"|});
                """),
            Verify.Diagnostic("PGM006").WithLocation(0).WithMessage(
                "Validating constraint 'fk_orders_customer' in the transaction that added it keeps the strong lock of the add for the whole scan. Validate it in a separate migration."));
    }

    [Fact]
    public async Task SetNotNullAfterCheckValidatedByEarlierMigration_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(
            Code.Migration("""Execute.Sql("ALTER TABLE jobs ALTER COLUMN owner_id SET NOT NULL");""", attributes: "[Migration(202502010000)]") + History.CreateJobs + History.ValidatedOwnerCheck);
    }

    [Fact]
    public async Task SetNotNullWithoutValidatedCheck_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(
            Code.Migration("""Execute.Sql({|#0:"ALTER TABLE jobs ALTER COLUMN title SET NOT NULL"|});""", attributes: "[Migration(202502010000)]") + History.CreateJobs + History.ValidatedOwnerCheck,
            Verify.Diagnostic("PGM008").WithLocation(0).WithArguments("title", "jobs", string.Empty));
    }

    [Fact]
    public async Task RawTypeChangeUsesTheHistory()
    {
        await Verify.VerifyAnalyzerAsync(
            Code.Migration("""
                Execute.Sql("ALTER TABLE jobs ALTER COLUMN title TYPE varchar(250)");
                Execute.Sql({|#0:"ALTER TABLE jobs ALTER COLUMN id TYPE bigint"|});
                """) + History.CreateJobs,
            Verify.Diagnostic("PGM009").WithLocation(0).WithArguments("id", "jobs", "from integer to bigint"));
    }

    [Fact]
    public async Task DangerousWordsInCommentsAndDollarQuotes_AreNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""
            Execute.Sql(@"
                -- DROP TABLE jobs;
                /* TRUNCATE jobs; /* nested */ */
                CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                    UPDATE jobs SET touched = now();
                    RETURN NEW;
                END $fn$;
                COMMENT ON TABLE jobs IS 'never DROP TABLE jobs';");
            """));
    }

    [Fact]
    public async Task TableCreatedEarlierInTheMigration_IsExempt()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""
            Create.Table("tasks").WithColumn("id").AsInt64().PrimaryKey().WithColumn("stage").AsString();
            Execute.Sql("CREATE INDEX ix_tasks_stage ON tasks (stage)");
            Execute.Sql("CREATE TABLE steps (id bigint PRIMARY KEY, task_id bigint); ALTER TABLE steps ADD CONSTRAINT fk FOREIGN KEY (task_id) REFERENCES tasks (id)");
            Alter.Table("steps").AddColumn("title").AsString().Nullable();
            """));
    }

    [Fact]
    public async Task RawSqlInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: """Execute.Sql("DROP TABLE jobs; TRUNCATE users");"""));
    }

    [Fact]
    public async Task EmbeddedScriptInTheProject_IsLinted()
    {
        var test = new OperationRulesVerifier.Test
        {
            TestCode = Code.Migration("""Execute.EmbeddedScript({|#0:"App.Migrations.Scripts.202601010000_cleanup.sql"|});"""),
        };
        test.TestState.AdditionalFiles.Add(("/0/Scripts/202601010000_cleanup.sql", "-- cleanup\nTRUNCATE audit_log;"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PGM035").WithLocation(0).WithMessage("TRUNCATE of 'audit_log' deletes every row (CASCADE reaches other tables). Delete in batches with a predicate."));
        await test.RunAsync();
    }

    [Fact]
    public async Task EmbeddedScriptNotInTheProject_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Execute.EmbeddedScript("App.Migrations.Scripts.missing.sql");"""));
    }
}
