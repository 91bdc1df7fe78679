using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using VerifyDuplicate = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.DuplicateVersionAnalyzer>;
using VerifyTimestamp = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.VersionNotTimestampAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class VersionAnalyzersTests
{
    [Fact]
    public async Task TwoMigrationsWithOneVersion_AreBothReported()
    {
        const string source = """
            using FluentMigrator;

            [{|#0:Migration(20260101000000)|}]
            public class First : Migration
            {
                public override void Up() { }
                public override void Down() { }
            }

            [{|#1:TimestampedMigration(2026, 1, 1, 0, 0)|}]
            public class Second : Migration
            {
                public override void Up() { }
                public override void Down() { }
            }
            """;

        await VerifyDuplicate.VerifyAnalyzerAsync(
            source,
            VerifyDuplicate.Diagnostic("PGM100").WithLocation(0).WithMessage("Migration version 20260101000000 is used by both 'First' and 'Second'. Give each migration its own version."),
            VerifyDuplicate.Diagnostic("PGM100").WithLocation(1).WithArguments(20260101000000L, "Second", "First"));
    }

    [Fact]
    public async Task DistinctVersions_AreNotReported()
    {
        await VerifyDuplicate.VerifyAnalyzerAsync(Code.Migration("") + History.CreateJobs);
    }

    [Fact]
    public async Task VersionThatIsNotATimestamp_IsReported()
    {
        await VerifyTimestamp.VerifyAnalyzerAsync(Code.Migration("", attributes: "[{|#0:Migration(42)|}]"), VerifyTimestamp.Diagnostic("PGM101").WithLocation(0).WithMessage(
            "Migration version 42 of 'TestMigration' is not a timestamp (yyyyMMddHHmm, yyyyMMddHHmmss, a date with a counter, or Unix time), so two branches can pick the same one. Use a timestamp."));
    }

    [Theory]
    [InlineData("[Migration(202601311530)]")]
    [InlineData("[Migration(20260131153000)]")]
    [InlineData("[TimestampedMigration(2026, 1, 31, 15, 30, 5)]")]
    public async Task TimestampVersion_IsNotReported(string attribute)
    {
        await VerifyTimestamp.VerifyAnalyzerAsync(Code.Migration("", attributes: attribute));
    }
}
