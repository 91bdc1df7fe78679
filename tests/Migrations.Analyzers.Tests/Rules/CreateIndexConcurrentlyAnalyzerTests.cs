using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.CreateIndexConcurrentlyAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class CreateIndexConcurrentlyAnalyzerTests
{
    [Fact]
    public async Task IndexOnExistingTableWithoutConcurrently_IsReported()
    {
        const string up = """{|#0:Create.Index("ix_jobs_stage").OnTable("jobs").OnColumn("stage").Ascending()|};""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up), Verify.Diagnostic("PGM001").WithLocation(0).WithMessage(
            "Creating index 'ix_jobs_stage' on existing table 'jobs' blocks writes for the whole build. Use .WithOptions().AsConcurrently() in a migration with TransactionBehavior.None."));
    }

    [Fact]
    public async Task ColumnIndexedOnExistingTable_IsReported()
    {
        const string up = """Alter.Table("jobs").AddColumn("stage").AsString().Nullable().{|#0:Indexed()|};""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up), Verify.Diagnostic("PGM001").WithLocation(0).WithMessage(
            "Creating index 'IX_jobs_stage' on existing table 'jobs' blocks writes for the whole build. Use .WithOptions().AsConcurrently() in a migration with TransactionBehavior.None."));
    }

    [Fact]
    public async Task ConcurrentIndexInNoneMigration_IsNotReported()
    {
        const string up = """Create.Index("ix_jobs_stage").OnTable("jobs").OnColumn("stage").Ascending().WithOptions().AsConcurrently();""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up, attributes: "[Migration(202601010000, TransactionBehavior.None)]"));
    }

    [Fact]
    public async Task IndexOnTableCreatedInSameMigration_IsNotReported()
    {
        const string up = """
            Create.Table("jobs").WithColumn("id").AsInt64().PrimaryKey().WithColumn("stage").AsString().Indexed();
            Create.Index("ix_jobs_stage").OnTable("jobs").OnColumn("stage").Ascending();
            """;

        await Verify.VerifyAnalyzerAsync(Code.Migration(up));
    }

    [Fact]
    public async Task IndexOnTableCreatedByRawSqlInSameMigration_IsNotReported()
    {
        const string up = """
            Execute.Sql("CREATE TABLE tasks (id bigint PRIMARY KEY, stage text)");
            Create.Index("ix_tasks_stage").OnTable("tasks").OnColumn("stage").Ascending();
            """;

        await Verify.VerifyAnalyzerAsync(Code.Migration(up));
    }

    [Fact]
    public async Task IndexInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: """Create.Index("ix_jobs_stage").OnTable("jobs").OnColumn("stage");"""));
    }
}
