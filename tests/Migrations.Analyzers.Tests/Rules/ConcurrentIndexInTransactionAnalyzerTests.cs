using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.ConcurrentIndexInTransactionAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class ConcurrentIndexInTransactionAnalyzerTests
{
    private const string ConcurrentIndex = """Create.Index("ix_jobs_stage").OnTable("jobs").OnColumn("stage").Ascending().WithOptions().{|#0:AsConcurrently()|};""";

    [Fact]
    public async Task AsConcurrentlyInTransactionalMigration_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(ConcurrentIndex), Verify.Diagnostic("PGM002").WithLocation(0).WithMessage(
            "CREATE INDEX CONCURRENTLY cannot run inside a transaction block and fails at deploy time. Declare the migration with TransactionBehavior.None and run one concurrent statement per Execute.Sql call."));
    }

    [Fact]
    public async Task AsConcurrentlyInNoneMigration_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(ConcurrentIndex.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), attributes: "[Migration(202601010000, TransactionBehavior.None)]"));
    }

    [Fact]
    public async Task AsConcurrentlyInMaintenanceWithoutTransaction_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(ConcurrentIndex.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), attributes: "[Maintenance(MigrationStage.AfterAll, TransactionBehavior.None)]"));
    }

    [Fact]
    public async Task AsConcurrentlyFalse_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Create.Index("ix").OnTable("jobs").OnColumn("stage").Ascending().WithOptions().AsConcurrently(false);"""));
    }

    [Fact]
    public async Task AsConcurrentlyInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: ConcurrentIndex.Replace("{|#0:", string.Empty).Replace("|}", string.Empty)));
    }
}
