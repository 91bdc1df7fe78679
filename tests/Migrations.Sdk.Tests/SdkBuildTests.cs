using Migrations.Sdk.Tests.Infrastructure;

namespace Migrations.Sdk.Tests;

/// <summary>What a user does with the SDK: build a project that says only Sdk="Migrations.Sdk", publish it, run it.</summary>
[Collection(StandardBundleCollection.Name)]
public sealed class SdkBuildTests(StandardBundle bundle)
{
    private const string Migration = """
        using FluentMigrator;

        namespace Shop.Migrations;

        [Migration(20250201000000, "products")]
        public sealed class CreateProducts : Migration
        {
            public override void Up() => Create.Table("products").WithColumn("id").AsInt64().PrimaryKey().Identity();

            public override void Down() => Delete.Table("products");
        }
        """;

    [Fact]
    public async Task ProjectWithOnlyTheSdkAndMigrations_BuildsIntoABundleThatDeploys()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var help = await ProcessRunner.RunAsync(bundle.Project.Bundle(), ["--help"], bundle.Project.ProjectDirectory);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("deploy", help.Output);

        var deploy = await bundle.Project.RunBundleAsync(database.Url, "deploy");
        Assert.True(deploy.ExitCode == 0, deploy.All);
        var status = await bundle.Project.RunBundleAsync(database.Url, "status", "--exit-code");
        Assert.Equal(0, status.ExitCode);
        Assert.Matches(@"20250103000000\s+IndexAccountEmails\s+applied", status.Output);
        Assert.False(File.Exists(Path.Combine(bundle.Project.ProjectDirectory, "Program.cs")));
    }

    [Fact]
    public async Task CentralPackageManagement_DoesNotBreakTheBuild()
    {
        using var project = TestProject.Create("Shop.Migrations", files: new Dictionary<string, string>
        {
            ["Directory.Packages.props"] = """
                <Project>
                  <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
                  <ItemGroup>
                    <!-- The repository pins FluentMigrator itself: its pin must win over the SDK's default. -->
                    <PackageVersion Include="FluentMigrator" Version="8.0.1" />
                    <PackageVersion Include="Npgsql" Version="10.0.3" />
                  </ItemGroup>
                </Project>
                """,
            ["Shop.Migrations/Migrations/20250201000000_CreateProducts.cs"] = Migration,
        });

        await project.BuildAsync();

        var run = await ProcessRunner.RunAsync(project.Bundle(), ["script"], project.ProjectDirectory);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("CREATE TABLE \"public\".\"products\"", run.Output);
    }

    [Fact]
    public async Task ImplicitReferencesAndEntryPoint_CanBeSwitchedOff()
    {
        using var project = TestProject.Create("Shop.Migrations", """
              <PropertyGroup>
                <EnableMigrationsAnalyzers>false</EnableMigrationsAnalyzers>
                <GenerateMigrationsEntryPoint>false</GenerateMigrationsEntryPoint>
              </PropertyGroup>
            """, new Dictionary<string, string>
            {
                ["Shop.Migrations/Migrations/20250201000000_CreateProducts.cs"] = Migration,
                ["Shop.Migrations/Program.cs"] = """
                    Console.WriteLine("custom host");
                    return Migrations.Runtime.Bundle.Run(typeof(Shop.Migrations.CreateProducts).Assembly, args);
                    """,
            });

        await project.BuildAsync();

        var assets = await File.ReadAllTextAsync(Path.Combine(project.ProjectDirectory, "obj", "project.assets.json"));
        Assert.DoesNotContain("Migrations.Analyzers", assets);
        var run = await ProcessRunner.RunAsync(project.Bundle(), ["script"], project.ProjectDirectory);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("custom host", run.Output);

        // Without the runtime the generated entry point cannot compile: one SDK error that says so, not CS0400 in the package.
        File.Delete(Path.Combine(project.ProjectDirectory, "Program.cs"));
        var withoutRuntime = await project.TryBuildAsync("-p:EnableMigrationsRuntimeReference=false", "-p:GenerateMigrationsEntryPoint=true", "-p:EnableMigrationsValidation=false");
        Assert.NotEqual(0, withoutRuntime.ExitCode);
        Assert.Contains("error MIGSDK001: The bundle's generated entry point needs Migrations.Runtime", withoutRuntime.Output);
        Assert.DoesNotContain("CS0400", withoutRuntime.Output);
    }

    [Fact]
    public async Task PublishForLinux_GivesOneSelfContainedFileThatRunsWithoutDotnet()
    {
        using var project = TestProject.Create("Shop.Migrations", files: new Dictionary<string, string>
        {
            ["Shop.Migrations/Migrations/20250201000000_CreateProducts.cs"] = Migration,
        });
        var output = Path.Combine(project.Directory, "publish");

        var publish = await project.DotnetAsync("publish", "-c", "Release", "-r", "linux-x64", "-o", output);
        Assert.True(publish.ExitCode == 0, publish.All);

        var file = Assert.Single(Directory.GetFiles(output));
        Assert.Equal("Shop.Migrations", Path.GetFileName(file));
        await using var database = await TestPostgres.CreateDatabaseAsync();
        // No dotnet on PATH and no DOTNET_ROOT: the file must carry its own runtime.
        var run = await ProcessRunner.RunAsync(file, ["deploy"], output, new Dictionary<string, string?>
        {
            ["PATH"] = "/nonexistent",
            ["DOTNET_ROOT"] = null,
            ["DATABASE_URL"] = database.Url,
        });
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Deployed 1 migration(s)", run.Output);
    }
}
