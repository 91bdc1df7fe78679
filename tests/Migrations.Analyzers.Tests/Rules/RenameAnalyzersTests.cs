using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using VerifyColumn = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.RenameColumnAnalyzer>;
using VerifyTable = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.RenameTableAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class RenameAnalyzersTests
{
    [Fact]
    public async Task RenameColumn_IsReported()
    {
        await VerifyColumn.VerifyAnalyzerAsync(Code.Migration("""{|#0:Rename.Column("title").OnTable("jobs").To("name")|};"""), VerifyColumn.Diagnostic("PGM031").WithLocation(0).WithMessage(
            "Renaming column 'title' of table 'jobs' breaks running code that uses the old name. Add the new column, write to both, backfill, switch reads, then drop the old one."));
    }

    [Fact]
    public async Task RenameColumnOfNewTableOrInDown_IsNotReported()
    {
        await VerifyColumn.VerifyAnalyzerAsync(Code.Migration(
            """
            Create.Table("tasks").WithColumn("id").AsInt64().PrimaryKey().WithColumn("title").AsString();
            Rename.Column("title").OnTable("tasks").To("name");
            """,
            down: """Rename.Column("name").OnTable("jobs").To("title");"""));
    }

    [Fact]
    public async Task RenameTable_IsReported()
    {
        await VerifyTable.VerifyAnalyzerAsync(Code.Migration("""{|#0:Rename.Table("jobs").To("work_items")|};"""), VerifyTable.Diagnostic("PGM032").WithLocation(0).WithMessage(
            "Renaming table 'jobs' breaks running code that uses the old name. Create the new table (or a view under the old name) and move over in steps."));
    }

    [Fact]
    public async Task RenameNewTableOrInDown_IsNotReported()
    {
        await VerifyTable.VerifyAnalyzerAsync(Code.Migration(
            """
            Create.Table("tmp_jobs").WithColumn("id").AsInt64().PrimaryKey();
            Rename.Table("tmp_jobs").To("jobs_v2");
            """,
            down: """Rename.Table("work_items").To("jobs");"""));
    }
}
