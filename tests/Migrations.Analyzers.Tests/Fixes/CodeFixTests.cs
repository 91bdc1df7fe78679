using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using VerifyConcurrent = Migrations.Analyzers.Tests.Infrastructure.CodeFixVerifier<Migrations.Analyzers.Rules.CreateIndexConcurrentlyAnalyzer, Migrations.Analyzers.CodeFixes.Rules.CreateIndexConcurrentlyFixer>;
using VerifyForeignKey = Migrations.Analyzers.Tests.Infrastructure.CodeFixVerifier<Migrations.Analyzers.Rules.ValidatedForeignKeyAnalyzer, Migrations.Analyzers.CodeFixes.Rules.ValidatedForeignKeyFixer>;
using VerifyIfDatabase = Migrations.Analyzers.Tests.Infrastructure.CodeFixVerifier<Migrations.Analyzers.Rules.IfDatabasePostgresAnalyzer, Migrations.Analyzers.CodeFixes.Rules.IfDatabasePostgresFixer>;
using VerifyNone = Migrations.Analyzers.Tests.Infrastructure.CodeFixVerifier<Migrations.Analyzers.Rules.ConcurrentIndexInTransactionAnalyzer, Migrations.Analyzers.CodeFixes.Rules.ConcurrentIndexInTransactionFixer>;
using VerifyReason = Migrations.Analyzers.Tests.Infrastructure.CodeFixVerifier<Migrations.Analyzers.Rules.AllowUnsafeWithoutReasonAnalyzer, Migrations.Analyzers.CodeFixes.Rules.AllowUnsafeWithoutReasonFixer>;
using VerifyTimestamp = Migrations.Analyzers.Tests.Infrastructure.CodeFixVerifier<Migrations.Analyzers.Rules.TimestampWithoutTimeZoneAnalyzer, Migrations.Analyzers.CodeFixes.Rules.TimestampWithoutTimeZoneFixer>;

namespace Migrations.Analyzers.Tests.Fixes;

public sealed class CodeFixTests
{
    [Fact]
    public async Task IndexOnlyMigration_GetsAsConcurrentlyAndTransactionBehaviorNone()
    {
        const string before = """
            using FluentMigrator;

            [Migration(202601010000, "jobs(stage) index")]
            public class AddJobsStageIndex : Migration
            {
                public override void Up()
                {
                    {|#0:Create.Index("ix_jobs_stage").OnTable("jobs").OnColumn("stage").Ascending()|};
                }

                public override void Down() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_jobs_stage");
            }
            """;
        const string after = """
            using FluentMigrator;
            using FluentMigrator.Postgres;

            [Migration(202601010000, TransactionBehavior.None, "jobs(stage) index")]
            public class AddJobsStageIndex : Migration
            {
                public override void Up()
                {
                    Create.Index("ix_jobs_stage").OnTable("jobs").OnColumn("stage").Ascending().WithOptions().AsConcurrently();
                }

                public override void Down() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_jobs_stage");
            }
            """;

        await VerifyConcurrent.VerifyCodeFixAsync(before, new[] { VerifyConcurrent.Diagnostic("PGM001").WithLocation(0).WithArguments("ix_jobs_stage", "jobs") }, after);
    }

    [Fact]
    public async Task ConcurrentIndexInTransaction_GetsTransactionBehaviorNone()
    {
        const string before = """
            using FluentMigrator;
            using FluentMigrator.Postgres;

            [Migration(202601010000)]
            public class AddJobsStageIndex : Migration
            {
                public override void Up() => Create.Index("ix_jobs_stage").OnTable("jobs").OnColumn("stage").Ascending().WithOptions().{|#0:AsConcurrently()|};

                public override void Down() { }
            }
            """;
        const string after = """
            using FluentMigrator;
            using FluentMigrator.Postgres;

            [Migration(202601010000, TransactionBehavior.None)]
            public class AddJobsStageIndex : Migration
            {
                public override void Up() => Create.Index("ix_jobs_stage").OnTable("jobs").OnColumn("stage").Ascending().WithOptions().AsConcurrently();

                public override void Down() { }
            }
            """;

        await VerifyNone.VerifyCodeFixAsync(before, new[] { VerifyNone.Diagnostic("PGM002").WithLocation(0).WithArguments("CREATE INDEX CONCURRENTLY") }, after);
    }

    [Fact]
    public async Task CreateForeignKey_BecomesNotValidRawSqlWithValidateFollowUp()
    {
        const string before = """
            using System.Data;
            using FluentMigrator;

            [Migration(202601010000)]
            public class AddOrdersCustomerForeignKey : Migration
            {
                public override void Up()
                {
                    {|#0:Create.ForeignKey("fk_orders_customer").FromTable("orders").ForeignColumn("customer_id").ToTable("customers").PrimaryColumn("id").OnDelete(Rule.Cascade)|};
                }

                public override void Down() => Delete.ForeignKey("fk_orders_customer").OnTable("orders");
            }
            """;
        const string after = """
            using System.Data;
            using FluentMigrator;

            [Migration(202601010000)]
            public class AddOrdersCustomerForeignKey : Migration
            {
                public override void Up()
                {
                    // Validate in a later migration: ALTER TABLE "public"."orders" VALIDATE CONSTRAINT "fk_orders_customer";
                    Execute.Sql("ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"fk_orders_customer\" FOREIGN KEY (\"customer_id\") REFERENCES \"public\".\"customers\" (\"id\") ON DELETE CASCADE NOT VALID");
                }

                public override void Down() => Delete.ForeignKey("fk_orders_customer").OnTable("orders");
            }
            """;

        await VerifyForeignKey.VerifyCodeFixAsync(before, new[] { VerifyForeignKey.Diagnostic("PGM004").WithLocation(0).WithArguments("fk_orders_customer", "orders") }, after);
    }

    [Fact]
    public async Task IfDatabasePostgres_BecomesPostgreSql()
    {
        var before = Code.Migration("""IfDatabase({|#0:"Postgres"|}).Execute.Sql("SELECT 1");""");
        var after = Code.Migration("""IfDatabase("PostgreSQL").Execute.Sql("SELECT 1");""");

        await VerifyIfDatabase.VerifyCodeFixAsync(before, new[] { VerifyIfDatabase.Diagnostic("PGM104").WithLocation(0).WithArguments("Postgres") }, after);
    }

    [Fact]
    public async Task AsDateTime_BecomesAsDateTimeOffset()
    {
        var before = Code.Migration("""Create.Table("events").WithColumn("at").{|#0:AsDateTime()|}.WithColumn("seen").{|#1:AsDateTime2()|}.Nullable();""");
        var after = Code.Migration("""Create.Table("events").WithColumn("at").AsDateTimeOffset().WithColumn("seen").AsDateTimeOffset().Nullable();""");

        await VerifyTimestamp.VerifyCodeFixAsync(before, new[] { VerifyTimestamp.Diagnostic("PGM051").WithLocation(0).WithArguments("at"), VerifyTimestamp.Diagnostic("PGM051").WithLocation(1).WithArguments("seen") }, after);
    }

    [Fact]
    public async Task AllowUnsafeWithoutReason_GetsAReasonPlaceholder()
    {
        var before = Code.Migration("""Delete.Table("jobs");""", attributes: """[Migration(202601010000)][{|#0:AllowUnsafe("PGM033")|}]""");
        var after = Code.Migration("""Delete.Table("jobs");""", attributes: """[Migration(202601010000)][{|#0:AllowUnsafe("PGM033", Reason = "TODO: say why this is safe here")|}]""");

        // The placeholder is not a reason: the build keeps failing until the author writes one.
        await VerifyReason.VerifyCodeFixAsync(before, new[] { VerifyReason.Diagnostic("PGM900").WithLocation(0).WithArguments("PGM033", string.Empty) }, after,
            VerifyReason.Diagnostic("PGM900").WithLocation(0).WithArguments("PGM033", " ('TODO: say why this is safe here' is a placeholder)"));
    }
}
