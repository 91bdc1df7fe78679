namespace Migrations.Sdk.Tests.Infrastructure;

/// <summary>
/// csharp-ls, the language server many editors (Neovim, Helix, Emacs, Zed…) start for C#, installed once per machine
/// from the NuGet feed as a dotnet tool into artifacts/test-tools. Pinned: its defaults are part of what is tested.
/// </summary>
public static class CsharpLs
{
    public const string Version = "0.28.0";

    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static async Task<string> InstallAsync()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "artifacts", "test-tools", "csharp-ls-" + Version);
        var executable = Path.Combine(folder, "csharp-ls");
        await Installing.WaitAsync();
        try
        {
            if (!File.Exists(executable))
            {
                var install = await ProcessRunner.RunAsync("dotnet", ["tool", "install", "csharp-ls", "--version", Version, "--tool-path", folder], RepositoryRoot.Path, TestProject.Environment());
                Assert.True(install.ExitCode == 0, $"dotnet tool install csharp-ls failed:\n{install.All}");
            }
        }
        finally
        {
            Installing.Release();
        }

        return executable;
    }
}
