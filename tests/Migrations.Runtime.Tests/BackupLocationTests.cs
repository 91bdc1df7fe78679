using Migrations.Runtime.Backup;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Tests;

/// <summary>Where a backup goes when no --output is given: never into a source tree, where it could be committed.</summary>
public sealed class BackupLocationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("backup-location-").FullName;

    [Fact]
    public void WithoutOutputOrVariable_TheDefaultIsTheUsersDataFolder()
    {
        var path = BackupLocation.Resolve(output: null, "shop", name => name == "HOME" ? "/home/ops" : null, _ => { });

        Assert.Equal("/home/ops/.local/share/migrations/backups", Path.GetDirectoryName(path));
        Assert.Matches(@"shop_\d{8}-\d{6}\.dump$", path);
    }

    [Fact]
    public void TheVariable_NamesTheFolder_AndAFolderInsideAWorkTreeIsWarnedAbout()
    {
        var project = Directory.CreateDirectory(Path.Combine(_root, "repo", "Shop.Migrations")).FullName;
        Directory.CreateDirectory(Path.Combine(_root, "repo", ".git"));
        var warnings = new List<string>();

        var path = BackupLocation.Resolve(output: null, "shop/../x", name => name == BackupLocation.DirectoryVariable ? project : null, warnings.Add);

        Assert.Equal(project, Path.GetDirectoryName(path));
        Assert.Matches(@"shop____x_\d{8}-\d{6}\.dump$", path);
        Assert.Contains($"is inside the git work tree {Path.Combine(_root, "repo")}: a backup holds every row, make sure it is git-ignored and never committed.", Assert.Single(warnings));
    }

    [Fact]
    public void AnExplicitOutputInsideAWorkTree_IsUsedWithAWarning()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        var warnings = new List<string>();

        var path = BackupLocation.Resolve(Path.Combine(_root, "nightly.dump"), "shop", _ => null, warnings.Add);

        Assert.Equal(Path.Combine(_root, "nightly.dump"), path);
        Assert.Single(warnings);
    }

    [Fact]
    public void ALinkedWorkTree_WhoseGitIsAFile_CountsAsAWorkTree()
    {
        File.WriteAllText(Path.Combine(_root, ".git"), "gitdir: /elsewhere/.git/worktrees/x\n");

        Assert.Equal(_root, BackupLocation.GitWorkTreeOf(Path.Combine(_root, "deeper", "still")));
    }

    [Fact]
    public void ADefaultFolderInsideAWorkTree_IsRefusedWithAUsageError()
    {
        // HOME under a dotfiles repository: the default data folder would be inside it.
        var home = Directory.CreateDirectory(Path.Combine(_root, "home")).FullName;
        Directory.CreateDirectory(Path.Combine(home, ".git"));
        var data = Path.Combine(home, ".local", "share");

        var refused = Assert.Throws<BundleFailure>(() => BackupLocation.Resolve(output: null, "shop", name => name == "XDG_DATA_HOME" ? data : null, _ => { }));

        Assert.Equal(ExitCodes.UsageError, ExitCodes.Of(refused.Kind));
        Assert.Contains($"is inside the git work tree {home}", refused.Message);
        Assert.Contains("Pass --output, or set MIGRATIONS_BACKUP_DIR", refused.Message);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
