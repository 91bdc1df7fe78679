using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.NotNullColumnWithoutDefaultAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class NotNullColumnWithoutDefaultAnalyzerTests
{
    [Fact]
    public async Task NotNullableColumnWithoutDefault_IsReported()
    {
        const string up = """Alter.Table("jobs").{|#0:AddColumn("priority")|}.AsInt32().NotNullable();""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up), Verify.Diagnostic("PGM011").WithLocation(0).WithMessage(
            "Adding NOT NULL column 'priority' without a default to existing table 'jobs' fails on the first existing row. Add it nullable, backfill, then make it NOT NULL safely."));
    }

    [Fact]
    public async Task ColumnWithoutStatedNullability_IsReportedBecauseFluentMigratorEmitsNotNull()
    {
        const string up = """Create.{|#0:Column("priority")|}.OnTable("jobs").AsInt32();""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up), Verify.Diagnostic("PGM011").WithLocation(0).WithArguments("priority", "jobs"));
    }

    [Fact]
    public async Task NullableOrDefaultedColumn_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""
            Alter.Table("jobs").AddColumn("priority").AsInt32().Nullable();
            Alter.Table("jobs").AddColumn("weight").AsInt32().NotNullable().WithDefaultValue(1);
            """));
    }

    [Fact]
    public async Task NotNullColumnOnTableCreatedInSameMigration_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""
            Create.Table("tasks").WithColumn("id").AsInt64().PrimaryKey();
            Alter.Table("tasks").AddColumn("priority").AsInt32().NotNullable();
            """));
    }

    [Fact]
    public async Task NotNullColumnInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: """Alter.Table("jobs").AddColumn("priority").AsInt32().NotNullable();"""));
    }
}
