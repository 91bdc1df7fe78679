using System.Threading.Tasks;
using Verify = Migrations.Analyzers.Tests.Infrastructure.CodeFixVerifier<Migrations.Analyzers.Rules.WholeTableDataChangeAnalyzer, Migrations.Analyzers.CodeFixes.Rules.WholeTableDataChangeFixer>;

namespace Migrations.Analyzers.Tests.Fixes;

/// <summary>PGM014's fix: a whole-table UPDATE becomes a batched Execute.Backfill, where that rewrite says exactly the same.</summary>
public sealed class BackfillFixTests
{
    [Fact]
    public async Task FluentUpdateOfAllRows_BecomesABackfillOfTheSameValues_InAMigrationWithoutATransaction()
    {
        const string before = """
            using FluentMigrator;

            [Migration(202601010000, "every job starts queued")]
            public class QueueJobs : Migration
            {
                public override void Up()
                {
                    Update.Table("jobs").InSchema("work").Set(new { stage = "it's queued", priority = 0, Urgent = false, note = (string)null }).{|#0:AllRows()|};
                }

                public override void Down() { }
            }
            """;
        const string after = """
            using FluentMigrator;
            using Migrations.Runtime.Backfill;

            [Migration(202601010000, TransactionBehavior.None, "every job starts queued")]
            public class QueueJobs : Migration
            {
                public override void Up()
                {
                    Execute.Backfill("jobs").InSchema("work").Set("\"stage\" = 'it''s queued', \"priority\" = 0, \"Urgent\" = FALSE, \"note\" = NULL");
                }

                public override void Down() { }
            }
            """;

        await Verify.VerifyCodeFixAsync(before, new[] { Verify.Diagnostic("PGM014").WithLocation(0).WithArguments("UPDATE without a WHERE clause", "jobs") }, after);
    }

    [Fact]
    public async Task RawUpdateWithoutWhere_BecomesABackfillWithItsSetClause()
    {
        const string before = """
            using FluentMigrator;

            [Migration(202601010000)]
            public class CopyPaths : Migration
            {
                public override void Up() => Execute.Sql({|#0:"UPDATE projects SET video_path = lower(video_url);"|});

                public override void Down() { }
            }
            """;
        const string after = """
            using FluentMigrator;
            using Migrations.Runtime.Backfill;

            [Migration(202601010000, TransactionBehavior.None)]
            public class CopyPaths : Migration
            {
                public override void Up() => Execute.Backfill("projects").Set("video_path = lower(video_url)");

                public override void Down() { }
            }
            """;

        await Verify.VerifyCodeFixAsync(before, new[] { Verify.Diagnostic("PGM014").WithLocation(0).WithArguments("UPDATE without a WHERE clause", "projects") }, after);
    }

    [Fact]
    public async Task UpdateBesideOtherStatements_GetsNoFix_SinceTheirTransactionWouldGoWithIt()
    {
        const string source = """
            using FluentMigrator;

            [Migration(202601010000)]
            public class AddAndFillPriority : Migration
            {
                public override void Up()
                {
                    Alter.Table("jobs").AddColumn("priority").AsInt32().Nullable();
                    Update.Table("jobs").Set(new { priority = 0 }).{|#0:AllRows()|};
                }

                public override void Down() { }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, new[] { Verify.Diagnostic("PGM014").WithLocation(0).WithArguments("UPDATE without a WHERE clause", "jobs") }, source);
    }

    [Fact]
    public async Task UpdateJoiningAnotherTable_GetsNoFix_SinceABatchCannotCarryItsFrom()
    {
        const string source = """
            using FluentMigrator;

            [Migration(202601010000)]
            public class CopyOwners : Migration
            {
                public override void Up() => Execute.Sql({|#0:"UPDATE projects SET owner = u.name FROM users u"|});

                public override void Down() { }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, new[] { Verify.Diagnostic("PGM014").WithLocation(0).WithArguments("UPDATE without a WHERE clause", "projects") }, source);
    }
}
