using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.DropTableAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class DropTableAnalyzerTests
{
    [Fact]
    public async Task DeleteTable_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""{|#0:Delete.Table("jobs_archive")|};"""), Verify.Diagnostic("PGM033").WithLocation(0).WithMessage(
            "Dropping table 'jobs_archive' loses its data and breaks running code that still uses it. Drop it only after the application stopped using it, with [AllowUnsafe(\"PGM033\", Reason = \"...\")]."));
    }

    [Fact]
    public async Task DeleteTableSuppressedOnUp_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using FluentMigrator;
            using Migrations;

            [Migration(202601010000)]
            public class DropArchive : Migration
            {
                [AllowUnsafe("PGM033", Reason = "archive moved to cold storage in release 41")]
                public override void Up() => Delete.Table("jobs_archive");

                public override void Down() { }
            }
            """ + Code.AllowUnsafeAttribute);
    }

    [Fact]
    public async Task DeleteTableCreatedInSameMigrationOrInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(
            """
            Create.Table("scratch").WithColumn("id").AsInt64().PrimaryKey();
            Delete.Table("scratch");
            """,
            down: """Delete.Table("jobs");"""));
    }
}
