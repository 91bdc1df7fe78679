using System.Text.RegularExpressions;
using Migrations.Sdk.Tests.Infrastructure;

namespace Migrations.Sdk.Tests;

/// <summary>The sample platform's migrations, as committed (lock file included), built with the packed SDK.</summary>
public sealed class SampleTests
{
    private const string Sample = "VideoDubbing.Migrations";

    [Fact]
    public async Task Sample_BuildsLockedDeploysAndRollsBackCompletely()
    {
        using var project = CopySample();
        // A CI build: the committed lock file must be current.
        await project.BuildAsync("-p:ContinuousIntegrationBuild=true");
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var deploy = await project.RunBundleAsync(database.Url, "deploy");
        Assert.True(deploy.ExitCode == 0, deploy.All);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'projects' AND column_name = 'video_url'"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'projects' AND column_name = 'video_path'"));
        Assert.Equal(0, (await project.RunBundleAsync(database.Url, "status", "--exit-code")).ExitCode);

        var rollback = await project.RunBundleAsync(database.Url, "rollback", "--to", "0");
        Assert.True(rollback.ExitCode == 0, rollback.All);
        // The bundle's own tables stay: the history, FluentMigrator's VersionInfo, and the progress the backfills kept.
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('migrations_history', 'VersionInfo', 'migrations_backfill')"));
        Assert.Equal(8, (await project.RunBundleAsync(database.Url, "status", "--exit-code")).ExitCode);
    }

    [Fact]
    public async Task RenderedSqlFiles_MatchWhatDeployDryRunPrints()
    {
        using var project = CopySample();
        await project.BuildAsync();
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var dryRun = await project.RunBundleAsync(database.Url, "deploy", "--dry-run");

        Assert.Equal(0, dryRun.ExitCode);
        var sqlDirectory = Path.Combine(project.ProjectDirectory, "obj", "Release", "net10.0", "migrations");
        var upFiles = Directory.GetFiles(sqlDirectory, "*.up.sql").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(9, upFiles.Count);
        foreach (var file in upFiles)
        {
            Assert.Contains(File.ReadAllText(file).ReplaceLineEndings("\n").Trim(), dryRun.Output.ReplaceLineEndings("\n"));
        }

        var script = File.ReadAllText(Path.Combine(project.BuildOutput(), "migrations.sql"));
        Assert.Equal(Body(script), Body(dryRun.Output));
    }

    /// <summary>
    /// status run from the build output reads the checksums the build rendered (beside the assembly) instead of rendering
    /// every migration; they vouch only for the assemblies they were rendered from. A migration edited and rebuilt without
    /// the validation, with the older build's checksums put back beside it (a build output copied over another), is
    /// still reported as edited.
    /// </summary>
    [Fact]
    public async Task StatusFromTheBuildOutput_ReportsAMigrationEditedAfterTheBuildThatWroteTheChecksums()
    {
        using var project = CopySample();
        await project.BuildAsync();
        var checksums = Path.Combine(project.BuildOutput(), Sample + ".checksums");
        var older = File.ReadAllText(checksums);
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(0, (await project.RunBundleAsync(database.Url, "deploy")).ExitCode);
        Assert.Equal(0, (await project.RunBundleAsync(database.Url, "status", "--exit-code")).ExitCode);

        var file = Path.Combine(project.ProjectDirectory, "Migrations", "20241103000000_AddGlossary.cs");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"target_term\").AsString()", "\"target_term\").AsString(500)"));
        await project.BuildAsync("-p:EnableMigrationsValidation=false");
        File.WriteAllText(checksums, older);

        var status = await project.RunBundleAsync(database.Url, "status", "--exit-code");
        Assert.True(status.ExitCode == 7, status.All);
        Assert.Contains("AddGlossary was edited after it was applied", status.Output);
    }

    [Fact]
    public async Task EditingAShippedSampleMigration_FailsTheBuildWithPGM200PointingAtIt()
    {
        // The sample as a team that has released it through AddGlossary would build it.
        using var project = CopySample("<PropertyGroup><MigrationsShippedThrough>20241103000000</MigrationsShippedThrough></PropertyGroup>");
        var file = Path.Combine(project.ProjectDirectory, "Migrations", "20241103000000_AddGlossary.cs");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"target_term\").AsString()", "\"target_term\").AsString(500)"));

        var result = await project.TryBuildAsync();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"Migrations/20241103000000_AddGlossary\.cs\(\d+,\d+\): migrations error PGM200: Migration 20241103000000 'AddGlossary' renders different SQL", result.Output);
        Assert.Contains("varchar(500)", result.Output);
    }

    /// <summary>The migration blocks, without the first header line, which names the source (build or database).</summary>
    private static string Body(string script) => Regex.Replace(script.ReplaceLineEndings("\n"), @"\A--[^\n]*\n\n", string.Empty).Trim();

    private static TestProject CopySample(string projectBody = "")
    {
        var source = Path.Combine(RepositoryRoot.Path, "samples", Sample);
        var files = Directory.GetFiles(source, "*", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !path.EndsWith(".csproj", StringComparison.Ordinal))
            .ToDictionary(path => Path.Combine(Sample, Path.GetRelativePath(source, path)), File.ReadAllText);
        return TestProject.Create(Sample, projectBody, files);
    }
}
