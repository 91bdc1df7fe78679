using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>scaffold and squash on bad input: one line, the documented exit code, and nothing written or deleted.</summary>
public sealed class AdoptionInputTests
{
    private const string Basic = "Migrations.Runtime.Tests.Fixtures.Basic";

    [Fact]
    public async Task ScaffoldOfASchemaThatDoesNotExist_IsAUsageErrorAndWritesNothing()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var project = Directory.CreateTempSubdirectory("scaffold-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(project, "Shop.Migrations.csproj"), "<Project Sdk=\"Migrations.Sdk\" />");
            var result = BundleRun.Run(Basic, "scaffold", "-c", database.Url, "--schema", "public", "--schema", "billing", "--project-dir", project);

            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.EndsWith($"/{database.Name} has no schema billing. Name schemas that exist (--schema), or leave it out for the connection's (public).", result.Error.Trim());
            Assert.Single(result.Error.Trim().Split('\n'));
            Assert.Single(Directory.EnumerateFileSystemEntries(project));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public void ScaffoldOutsideAProject_IsAUsageErrorBeforeTheDatabaseIsRead()
    {
        var folder = Directory.CreateTempSubdirectory("scaffold-").FullName;
        try
        {
            var result = BundleRun.Run(Basic, "scaffold", "-c", "postgresql://nobody@127.0.0.1:1/x", "--project-dir", folder);

            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Contains("No project file (*.csproj)", result.Error);
            Assert.Contains("run 'scaffold' in the migrations project's folder", result.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SquashOfOneMigration_IsAUsageError()
    {
        var result = BundleRun.Run(Basic, "squash", "--to", "202401010000");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("squash needs at least two migrations to replace", result.Error);
    }

    [Fact]
    public void SquashWhereAFileAlsoHoldsAMigrationThatStays_IsRefusedAndChangesNothing()
    {
        var project = Directory.CreateTempSubdirectory("squash-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(project, "Shop.Migrations.csproj"), "<Project Sdk=\"Migrations.Sdk\" />");
            Directory.CreateDirectory(Path.Combine(project, "Migrations"));
            var all = Path.Combine(project, "Migrations", "All.cs");
            const string source = "[Migration(202401010000)] class A {}\n[Migration(202401020000)] class B {}\n[Migration(202401030000)] class C {}\n";
            File.WriteAllText(all, source);

            var result = BundleRun.Run(Basic, "squash", "--to", "202401020000", "--project-dir", project);

            Assert.Equal(ExitCodes.Refused, result.ExitCode);
            Assert.Equal("error: Migrations/All.cs also declares migrations that are not squashed: move those to files of their own, then squash. Nothing was changed.", result.Error.Trim());
            Assert.Equal(source, File.ReadAllText(all));
            Assert.Single(Directory.EnumerateFiles(Path.Combine(project, "Migrations")));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }
}
