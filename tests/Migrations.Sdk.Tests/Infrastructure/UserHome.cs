namespace Migrations.Sdk.Tests.Infrastructure;

/// <summary>
/// A throwaway home folder outside the repository for commands a user types: dotnet new installs its templates here
/// (DOTNET_CLI_HOME), never into the real template cache, and nothing finds the repository's NuGet.config or global.json.
/// </summary>
public sealed class UserHome : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("migrations-sdk-home-").FullName;

    /// <summary>A private template cache for dotnet new (its --debug:custom-hive).</summary>
    public string TemplateHive => Path.Combine(Directory, ".templateengine-hive");

    public Dictionary<string, string?> Environment(IDictionary<string, string>? variables = null)
    {
        var environment = TestProject.Environment();
        environment["HOME"] = Directory;
        environment["DOTNET_CLI_HOME"] = Directory;
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return environment;
    }

    public Task<ProcessResult> DotnetAsync(string workingDirectory, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", arguments, workingDirectory, Environment(), TimeSpan.FromMinutes(10));

    /// <summary>Runs a shell snippet as a user would paste it, stopping at the first failing command.</summary>
    public Task<ProcessResult> ShellAsync(string script, string workingDirectory, IDictionary<string, string>? variables = null) =>
        ProcessRunner.RunAsync("bash", ["-euo", "pipefail", "-c", script], workingDirectory, Environment(variables), TimeSpan.FromMinutes(10));

    /// <summary>The template pack build/pack.sh put into the feed with this run's version.</summary>
    public static string TemplatePackage => Path.Combine(PackedSdk.Feed, $"Migrations.Templates.{PackedSdk.Version}.nupkg");

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
