using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;
using Verify = Migrations.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Migrations.Analyzers.Rules.ColumnTypeChangeAnalyzer>;

namespace Migrations.Analyzers.Tests.Rules;

public sealed class ColumnTypeChangeAnalyzerTests
{
    [Fact]
    public async Task IntToBigint_IsReportedWithBothTypes()
    {
        const string up = """Alter.Column("id").OnTable("jobs").{|#0:AsInt64()|}.PrimaryKey();""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up) + History.CreateJobs, Verify.Diagnostic("PGM009").WithLocation(0).WithMessage(
            "Changing column 'id' of table 'jobs' from integer to bigint rewrites the table under an ACCESS EXCLUSIVE lock and may break running code. Add a new column, backfill it in batches and switch over (expand/contract)."));
    }

    [Fact]
    public async Task ShorterVarchar_IsReported()
    {
        const string up = """Alter.Table("jobs").AlterColumn("title").{|#0:AsString(50)|}.Nullable();""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up) + History.CreateJobs, Verify.Diagnostic("PGM009").WithLocation(0).WithArguments("title", "jobs", "from varchar(100) to varchar(50)"));
    }

    [Fact]
    public async Task HistoryFollowsRenamesAndRawSql()
    {
        const string earlier = """

            [Migration(202501050000)]
            public class RenameTitle : Migration
            {
                [AllowUnsafe("PGM031", Reason = "no deployed code reads jobs.title yet")]
                public override void Up()
                {
                    Rename.Column("title").OnTable("jobs").To("headline");
                    Execute.Sql("ALTER TABLE jobs ALTER COLUMN headline TYPE varchar(300)");
                }

                public override void Down() => Rename.Column("headline").OnTable("jobs").To("title");
            }
            """;
        const string up = """Alter.Column("headline").OnTable("jobs").{|#0:AsString(200)|}.Nullable();""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up) + History.CreateJobs + earlier, Verify.Diagnostic("PGM009").WithLocation(0).WithArguments("headline", "jobs", "from varchar(300) to varchar(200)"));
    }

    [Fact]
    public async Task ColumnUnknownToTheProject_IsReportedAndSaysSo()
    {
        const string up = """Alter.Column("total").OnTable("legacy_orders").{|#0:AsDecimal(12, 2)|}.Nullable();""";

        await Verify.VerifyAnalyzerAsync(Code.Migration(up), Verify.Diagnostic("PGM009").WithLocation(0).WithArguments(
            "total", "legacy_orders", "to numeric(12,2) (the migrations do not show its current type, so a rewrite is assumed)"));
    }

    [Theory]
    [InlineData("AsString(200)")]
    [InlineData("AsString()")]
    [InlineData("AsString(100)")]
    public async Task BinaryCompatibleOrSameType_IsNotReported(string type)
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration($"""Alter.Column("title").OnTable("jobs").{type}.Nullable();""") + History.CreateJobs);
    }

    [Fact]
    public async Task TypeChangeOnTableCreatedInSameMigration_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration("""
            Create.Table("tasks").WithColumn("id").AsInt32().PrimaryKey();
            Alter.Column("id").OnTable("tasks").AsInt64();
            """));
    }

    [Fact]
    public async Task TypeChangeInDown_IsNotReported()
    {
        await Verify.VerifyAnalyzerAsync(Code.Migration(up: "", down: """Alter.Column("id").OnTable("jobs").AsInt64();""") + History.CreateJobs);
    }
}
