using System.Diagnostics;

namespace Migrations.Sdk.Tests.Infrastructure;

/// <summary>
/// The SDK packed once per test run: build/test.sh packs it and passes MIGRATIONS_SDK_FEED and MIGRATIONS_SDK_VERSION;
/// run alone, the tests pack it themselves. The version is new each run, so no NuGet cache can hold a stale copy.
/// </summary>
public static class PackedSdk
{
    private static readonly Lazy<(string Feed, string Version)> Package = new(Locate);

    public static string Feed => Package.Value.Feed;

    public static string Version => Package.Value.Version;

    /// <summary>Shared by every test project build of the run: third-party packages download once.</summary>
    public static string PackagesFolder { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "test-nuget-packages");

    private static (string Feed, string Version) Locate()
    {
        var feed = Environment.GetEnvironmentVariable("MIGRATIONS_SDK_FEED");
        var version = Environment.GetEnvironmentVariable("MIGRATIONS_SDK_VERSION");
        if (!string.IsNullOrEmpty(feed) && !string.IsNullOrEmpty(version))
        {
            return (feed, version);
        }

        var script = Path.Combine(RepositoryRoot.Path, "build", "pack.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", script) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"build/pack.sh failed ({process.ExitCode}): {errors.Result}");
        }

        return (Path.Combine(RepositoryRoot.Path, "artifacts", "packages"), output.Split('\n')[^1]);
    }
}
