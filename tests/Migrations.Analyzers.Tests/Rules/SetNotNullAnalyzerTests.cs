using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.SetNotNullAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class SetNotNullAnalyzerTests
{
    [Fact]
    public async Task AlterColumnNotNullableOnNullableColumn_IsReported()
    {
        const string up = """Alter.Column("title").OnTable("jobs").AsString(100).{|#0:NotNullable()|};""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up) + History.CreateJobs, Verify.Diagnostic("PGM008").WithLocation(0).WithMessage(
            "Making column 'title' of table 'jobs' NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock. Add CHECK (title IS NOT NULL) NOT VALID, validate it in a later migration, then SET NOT NULL with raw SQL. A TYPE clause in the same statement (Alter.Column always writes one) would re-check every CHECK constraint with a full scan even after that, so run the SET NOT NULL as raw SQL."));
    }

    [Fact]
    public async Task AlterColumnNotNullableStaysReportedAfterValidatedCheck()
    {
        const string up = """Alter.Table("jobs").AlterColumn("owner_id").AsInt64().{|#0:NotNullable()|};""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up, attributes: "[Migration(202502010000)]") + History.CreateJobs + History.ValidatedOwnerCheck, Verify.Diagnostic("PGM008").WithLocation(0).WithArguments("owner_id", "jobs", " The TYPE clause in the same statement (Alter.Column always writes one) re-checks every CHECK constraint on the column with a full scan: run the SET NOT NULL as raw SQL, without TYPE."));
    }

    [Fact]
    public async Task SetExistingRowsToWithNotNullable_IsReported()
    {
        const string up = """Alter.Table("jobs").AddColumn("priority").AsInt32().SetExistingRowsTo(0).{|#0:NotNullable()|};""";

        // FluentMigrator renders it as ALTER priority TYPE integer, ALTER priority SET NOT NULL: the TYPE clause is noted.
        const string note = " A TYPE clause in the same statement (Alter.Column always writes one) would re-check every CHECK constraint with a full scan even after that, so run the SET NOT NULL as raw SQL.";
        await Verify.VerifyAnalyzerAsync(Code.Migration(up) + History.CreateJobs, Verify.Diagnostic("PGM008").WithLocation(0).WithArguments("priority", "jobs", note));
    }

    [Fact]
    public async Task AlterColumnThatIsAlreadyNotNull_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Alter.Column("stage").OnTable("jobs").AsString().NotNullable();""") + History.CreateJobs);
    }

    [Fact]
    public async Task AlterColumnNullable_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Alter.Column("stage").OnTable("jobs").AsString().Nullable();""") + History.CreateJobs);
    }

    [Fact]
    public async Task NotNullableOnTableCreatedInSameMigration_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""
            Create.Table("tasks").WithColumn("id").AsInt64().PrimaryKey().WithColumn("title").AsString().Nullable();
            Alter.Column("title").OnTable("tasks").AsString().NotNullable();
            """));
    }

    [Fact]
    public async Task NotNullableInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: """Alter.Column("title").OnTable("jobs").AsString(100).NotNullable();""") + History.CreateJobs);
    }
}
