using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.DropColumnAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class DropColumnAnalyzerTests
{
    [Fact]
    public async Task DeleteColumn_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""{|#0:Delete.Column("legacy_code").FromTable("jobs")|};"""), Verify.Diagnostic("PGM030").WithLocation(0).WithMessage(
            "Dropping column 'legacy_code' of table 'jobs' breaks running code that still reads it, and its data is gone. Stop using the column, deploy, then drop it with [AllowUnsafe(\"PGM030\", Reason = \"...\")]."));
    }

    [Fact]
    public async Task EveryDeletedColumn_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(
            Code.Migration("""{|#0:Delete.Column("a").{|#1:Column("b")|}.FromTable("jobs")|};"""),
            Verify.Diagnostic("PGM030").WithLocation(0).WithArguments("a", "jobs"),
            Verify.Diagnostic("PGM030").WithLocation(1).WithArguments("b", "jobs"));
    }

    [Fact]
    public async Task DeleteColumnSuppressedWithReason_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Delete.Column("legacy_code").FromTable("jobs");""", attributes: """[Migration(202601010000)][AllowUnsafe("PGM030", Reason = "unused since release 42")]"""));
    }

    [Fact]
    public async Task DeleteColumnOfTableCreatedInSameMigration_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""
            Create.Table("tasks").WithColumn("id").AsInt64().PrimaryKey().WithColumn("tmp").AsString().Nullable();
            Delete.Column("tmp").FromTable("tasks");
            """));
    }

    [Fact]
    public async Task DeleteColumnInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: """Delete.Column("legacy_code").FromTable("jobs");"""));
    }
}
