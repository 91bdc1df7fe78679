using Migrations.Sdk.Tests.Infrastructure;

namespace Migrations.Sdk.Tests;

/// <summary>
/// The dotnet new template pack build/pack.sh makes, installed into a private template cache under a throwaway home.
/// The whole path to a deployed project is ReadmeTests; these pin the choices a user makes on the way.
/// </summary>
public sealed class TemplateTests : IDisposable
{
    private readonly UserHome _home = new();

    [Fact]
    public async Task ProjectTemplate_WithoutAFeed_WritesNoNuGetConfigAndNamesTheVersionAsked()
    {
        var folder = await InstalledTemplatesAndEmptyFolder("Orders.Migrations");

        var created = await _home.DotnetAsync(folder, "new", "migrations", "--sdk-version", "2.3.4", "--no-restore", "--debug:custom-hive", _home.TemplateHive);

        Assert.True(created.ExitCode == 0, created.All);
        Assert.StartsWith("<Project Sdk=\"Migrations.Sdk/2.3.4\">", File.ReadAllText(Path.Combine(folder, "Orders.Migrations.csproj")));
        Assert.Contains("<MigrationsShippedThrough>0</MigrationsShippedThrough>", File.ReadAllText(Path.Combine(folder, "Orders.Migrations.csproj")));
        Assert.False(File.Exists(Path.Combine(folder, "NuGet.config")));
        Assert.True(File.Exists(Path.Combine(folder, ".gitignore")));
        Assert.False(Directory.Exists(Path.Combine(folder, "obj")));
    }

    [Fact]
    public async Task MigrationTemplate_OutsideAProject_IsRefusedAndWritesNothing()
    {
        var folder = await InstalledTemplatesAndEmptyFolder("NotAProject");

        var created = await _home.DotnetAsync(folder, "new", "migration", "-n", "AddUsers", "--debug:custom-hive", _home.TemplateHive);

        Assert.NotEqual(0, created.ExitCode);
        Assert.Contains("No project was found", created.All);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    private async Task<string> InstalledTemplatesAndEmptyFolder(string name)
    {
        var install = await _home.DotnetAsync(_home.Directory, "new", "install", UserHome.TemplatePackage, "--debug:custom-hive", _home.TemplateHive);
        Assert.True(install.ExitCode == 0, install.All);
        var folder = Directory.CreateDirectory(Path.Combine(_home.Directory, name)).FullName;
        return folder;
    }

    public void Dispose() => _home.Dispose();
}
