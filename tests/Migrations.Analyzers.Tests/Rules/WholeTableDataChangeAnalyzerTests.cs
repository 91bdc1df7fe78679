using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.WholeTableDataChangeAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class WholeTableDataChangeAnalyzerTests
{
    [Fact]
    public async Task UpdateAllRows_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Update.Table("jobs").Set(new { stage = "new" }).{|#0:AllRows()|};"""), Verify.Diagnostic("PGM014").WithLocation(0).WithMessage(
            "UPDATE without a WHERE clause on table 'jobs' locks every row it touches until its transaction ends, and writes to those rows wait that long. Use Execute.Backfill(…).Set(…).Where(…) (or .Delete()) in a TransactionBehavior.None migration: the bundle runs it in short, resumable batches."));
    }

    [Fact]
    public async Task DeleteAllRows_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Delete.FromTable("jobs").{|#0:AllRows()|};"""), Verify.Diagnostic("PGM014").WithLocation(0).WithArguments("DELETE without a WHERE clause", "jobs"));
    }

    [Fact]
    public async Task SetExistingRowsTo_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Alter.Table("jobs").AddColumn("priority").AsInt32().Nullable().{|#0:SetExistingRowsTo(0)|};"""), Verify.Diagnostic("PGM014").WithLocation(0).WithArguments("UPDATE without a WHERE clause", "jobs"));
    }

    [Fact]
    public async Task UpdateWithWhere_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Update.Table("jobs").Set(new { stage = "new" }).Where(new { id = 1 });"""));
    }

    [Fact]
    public async Task UpdateOfTableCreatedInSameMigration_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""
            Create.Table("stages").WithColumn("id").AsInt64().PrimaryKey().WithColumn("name").AsString();
            Update.Table("stages").Set(new { name = "x" }).AllRows();
            """));
    }

    [Fact]
    public async Task UpdateAllRowsInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: """Update.Table("jobs").Set(new { stage = "new" }).AllRows();"""));
    }
}
