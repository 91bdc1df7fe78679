using System.Linq;
using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;

namespace Migrations.Analyzers.Tests.Reading;

/// <summary>
/// The reader follows a migration into helpers declared in other files. What it skips in one file (a branch for
/// another database, a call already read) is a place in that file only: the same offsets in a helper's file are code
/// that runs.
/// </summary>
public sealed class HelpersInOtherFilesTests
{
    [Fact]
    public async Task AHelperWhoseCallSitsAtTheOffsetsOfASkippedBranchInTheMigrationsFile_IsStillRead()
    {
        // The SqlServer branch is long enough that its span in this file covers every offset of the helper's file.
        var procedure = "CREATE PROCEDURE p AS BEGIN " + string.Concat(Enumerable.Repeat("UPDATE widgets SET name = 'x'; ", 40)) + "END";
        var migrations = $$"""
            using FluentMigrator;

            [Migration(202401020000)]
            public class IndexWidgetNames : ForwardOnlyMigration
            {
                public override void Up()
                {
                    IfDatabase("SqlServer").Execute.Sql("{{procedure}}");
                    Create.NameIndexOnWidgets();
                }
            }

            [Migration(202401010000)]
            public class CreateWidgets : ForwardOnlyMigration
            {
                public override void Up() => Create.Table("widgets").WithColumn("id").AsInt64().PrimaryKey().WithColumn("name").AsString(100).Nullable();
            }
            """;
        const string helpers = """
            using FluentMigrator.Builders.Create;

            public static class WidgetIndexes
            {
                public static void NameIndexOnWidgets(this ICreateExpressionRoot create) =>
                    create.Index("ix_widgets_name").OnTable("widgets").OnColumn("name");
            }
            """;
        Assert.True(migrations.IndexOf("IfDatabase", System.StringComparison.Ordinal) < helpers.IndexOf("create.Index", System.StringComparison.Ordinal), "the test needs the branch to start before the helper's call");

        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(new[] { migrations, helpers });

        Assert.Empty(exceptions);
        Assert.Contains(diagnostics, diagnostic => diagnostic.Id == "PGM001" && diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("ix_widgets_name", System.StringComparison.Ordinal));
    }
}
