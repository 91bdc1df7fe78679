using Migrations.Sdk.Tests.Infrastructure;

namespace Migrations.Sdk.Tests;

/// <summary>
/// Info findings (int keys, timestamp, json) are hidden at dotnet build's default verbosity: the SDK lists them after
/// the build in one warning, MIGSDK002, that never fails a build, not even one that treats warnings as errors.
/// </summary>
public sealed class SuggestionSummaryTests
{
    private const string Project = "Events.Migrations";

    [Fact]
    public async Task InfoFindingsOfAnalyzersAndRenderedSql_AreListedAfterTheBuild_WhichStillSucceedsWithWarningsAsErrors()
    {
        using var project = TestProject.Create(Project, files: new Dictionary<string, string>
        {
            [$"{Project}/Migrations/20250401000000_CreateEvents.cs"] = """
                using FluentMigrator;

                namespace Events.Migrations;

                [Migration(20250401000000, "events")]
                public sealed class CreateEvents : Migration
                {
                    public override void Up() =>
                        Create.Table("events")
                            .WithColumn("id").AsInt32().PrimaryKey().Identity()
                            .WithColumn("happened_at").AsDateTime().NotNullable();

                    public override void Down() => Delete.Table("events");
                }
                """,
            // The analyzers cannot read .sql files: this finding comes from the build validation's rendered-SQL check.
            [$"{Project}/Migrations/20250402000000_add_payload.sql"] = "ALTER TABLE events ADD COLUMN payload json;\n",
        });

        var build = await project.BuildAsync("-warnaserror");

        // The console logger repeats "<project> : warning MIGSDK002:" before each line of the summary.
        var summary = string.Join('\n', build.Output.Split('\n').Where(line => line.Contains("warning MIGSDK002:", StringComparison.Ordinal)));
        Assert.Contains("3 suggestions from the migration safety rules", summary);
        Assert.Matches(@"Migrations/20250401000000_CreateEvents\.cs\(10,\d+\): PGM050: Key column 'id' is a 32-bit integer", summary);
        Assert.Matches(@"Migrations/20250401000000_CreateEvents\.cs\(11,\d+\): PGM051: Column 'happened_at' is timestamp without time zone", summary);
        Assert.Contains("Migrations/20250402000000_add_payload.sql(1,1): PGM037", summary);
        Assert.Contains("docs/rules/PGM050.md", summary);

        // Nothing compiled, nothing validated: as quiet as the compiler is about warnings it already showed.
        var again = await project.BuildAsync("-warnaserror");
        Assert.DoesNotContain("MIGSDK002", again.Output);
    }

    [Fact]
    public async Task SuggestionSummary_CanBeSwitchedOff()
    {
        using var project = TestProject.Create(Project, """
              <PropertyGroup>
                <EnableMigrationsSuggestionSummary>false</EnableMigrationsSuggestionSummary>
              </PropertyGroup>
            """, new Dictionary<string, string>
            {
                [$"{Project}/Migrations/20250401000000_CreateEvents.cs"] = """
                    using FluentMigrator;

                    namespace Events.Migrations;

                    [Migration(20250401000000, "events")]
                    public sealed class CreateEvents : Migration
                    {
                        public override void Up() => Create.Table("events").WithColumn("id").AsInt32().PrimaryKey().Identity();

                        public override void Down() => Delete.Table("events");
                    }
                    """,
            });

        var build = await project.BuildAsync();

        Assert.DoesNotContain("MIGSDK002", build.Output);
        Assert.Contains(" 0 Warning(s)", build.Output);
    }
}
