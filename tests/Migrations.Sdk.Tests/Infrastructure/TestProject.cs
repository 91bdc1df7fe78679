namespace Migrations.Sdk.Tests.Infrastructure;

/// <summary>
/// A throwaway project folder outside the repository that uses the packed SDK the way a user would:
/// a NuGet.config with the local feed, a global.json pinning the SDK version, and the project file.
/// </summary>
public sealed class TestProject : IDisposable
{
    private TestProject(string directory, string name)
    {
        Directory = directory;
        Name = name;
    }

    public string Directory { get; }

    public string Name { get; }

    public string ProjectDirectory => Path.Combine(Directory, Name);

    public string BuildOutput(string configuration = "Release") => Path.Combine(ProjectDirectory, "bin", configuration, "net10.0");

    public string Bundle(string configuration = "Release") => Path.Combine(BuildOutput(configuration), Name);

    public static TestProject Create(string name, string projectBody = "", IDictionary<string, string>? files = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("migrations-sdk-test-").FullName;
        var project = new TestProject(directory, name);
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{PackedSdk.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="Migrations.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "global.json"), $$"""
            { "sdk": { "version": "10.0.100", "rollForward": "latestFeature" }, "msbuild-sdks": { "Migrations.Sdk": "{{PackedSdk.Version}}" } }
            """);
        System.IO.Directory.CreateDirectory(project.ProjectDirectory);
        File.WriteAllText(Path.Combine(project.ProjectDirectory, name + ".csproj"), $"""
            <Project Sdk="Migrations.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            {projectBody}
            </Project>
            """);
        foreach (var (path, content) in files ?? new Dictionary<string, string>())
        {
            var full = Path.Combine(directory, path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        return project;
    }

    public void Write(string path, string content)
    {
        var full = Path.Combine(Directory, path);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public Task<ProcessResult> DotnetAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", arguments, ProjectDirectory, Environment(), TimeSpan.FromMinutes(10));

    /// <summary>What the tests' dotnet commands (and the tools they start) run with: the shared package folder, no build nodes left behind.</summary>
    public static Dictionary<string, string?> Environment() => new()
    {
        ["NUGET_PACKAGES"] = PackedSdk.PackagesFolder,
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        // CI=true would put every test build in locked mode; tests that want it say so.
        ["CI"] = null,
    };

    public async Task<ProcessResult> BuildAsync(params string[] extraArguments)
    {
        var result = await DotnetAsync(["build", "-c", "Release", .. extraArguments]);
        Assert.True(result.ExitCode == 0, $"dotnet build failed:\n{result.All}");
        return result;
    }

    public Task<ProcessResult> TryBuildAsync(params string[] extraArguments) => DotnetAsync(["build", "-c", "Release", .. extraArguments]);

    public string Read(string path) => File.ReadAllText(Path.Combine(Directory, path));

    public bool Exists(string path) => File.Exists(Path.Combine(Directory, path));

    public Task<ProcessResult> RunBundleAsync(string databaseUrl, params string[] arguments) =>
        ProcessRunner.RunAsync(Bundle(), arguments, ProjectDirectory, new Dictionary<string, string?> { ["DATABASE_URL"] = databaseUrl }, TimeSpan.FromMinutes(3));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
