using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.DropIndexConcurrentlyAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class DropIndexConcurrentlyAnalyzerTests
{
    [Fact]
    public async Task DeleteIndex_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""{|#0:Delete.Index("ix_jobs_stage").OnTable("jobs")|};"""), Verify.Diagnostic("PGM003").WithLocation(0).WithMessage(
            "Dropping index 'ix_jobs_stage' takes an ACCESS EXCLUSIVE lock that queues behind every reader. Use Execute.Sql(\"DROP INDEX CONCURRENTLY IF EXISTS ...\") in a migration with TransactionBehavior.None."));
    }

    [Fact]
    public async Task RawDropIndexConcurrently_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_jobs_stage");""", attributes: "[Migration(202601010000, TransactionBehavior.None)]"));
    }

    [Fact]
    public async Task DeleteIndexOnTableCreatedInSameMigration_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""
            Create.Table("jobs").WithColumn("id").AsInt64().PrimaryKey();
            Delete.Index("ix_jobs_stage").OnTable("jobs");
            """));
    }

    [Fact]
    public async Task DeleteIndexInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: """Delete.Index("ix_jobs_stage").OnTable("jobs");"""));
    }
}
