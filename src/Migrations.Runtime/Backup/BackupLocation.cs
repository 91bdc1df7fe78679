using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Backup;

/// <summary>
/// Where backups go. A backup holds every row of a database, and the current directory is usually the migrations
/// project: a default of ./backups puts production data one `git add .` away from a repository. The default is
/// MIGRATIONS_BACKUP_DIR, else the user's data folder (~/.local/share/migrations/backups on Linux), and it is refused
/// when it lies inside a git work tree; a path the user names is used as given, with a warning inside a work tree.
/// </summary>
internal static class BackupLocation
{
    public const string DirectoryVariable = "MIGRATIONS_BACKUP_DIR";

    public static string Resolve(string? output, string database, Func<string, string?> environment, Action<string> warn)
    {
        if (output is not null)
        {
            var path = Path.GetFullPath(output);
            WarnInsideWorkTree(path, warn);
            return path;
        }

        var configured = environment(DirectoryVariable);
        var directory = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(DataFolder(environment), "migrations", "backups")
            : Path.GetFullPath(configured);
        if (string.IsNullOrWhiteSpace(configured) && GitWorkTreeOf(directory) is { } workTree)
        {
            throw BundleFailure.Usage($"The default backup folder {directory} is inside the git work tree {workTree}, where a backup could be committed. Pass --output, or set {DirectoryVariable} to a folder outside it.");
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            WarnInsideWorkTree(directory, warn);
        }

        return Path.Combine(directory, $"{FileNamePart(database)}_{DateTime.UtcNow:yyyyMMdd-HHmmss}.dump");
    }

    /// <summary>The user's data folder: $XDG_DATA_HOME, else ~/.local/share (Linux and macOS), %LOCALAPPDATA% on Windows.</summary>
    private static string DataFolder(Func<string, string?> environment)
    {
        if (OperatingSystem.IsWindows())
        {
            return Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        }

        var xdg = environment("XDG_DATA_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
        {
            return xdg;
        }

        var home = environment("HOME");
        return Path.Combine(string.IsNullOrWhiteSpace(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home, ".local", "share");
    }

    /// <summary>The nearest folder at or above <paramref name="path"/> holding .git (a folder, or a file in a linked work tree).</summary>
    public static string? GitWorkTreeOf(string path)
    {
        for (var directory = new DirectoryInfo(path); directory is not null; directory = directory.Parent)
        {
            var git = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static void WarnInsideWorkTree(string path, Action<string> warn)
    {
        if (GitWorkTreeOf(Path.GetDirectoryName(path) ?? path) is { } workTree)
        {
            warn($"{path} is inside the git work tree {workTree}: a backup holds every row, make sure it is git-ignored and never committed.");
        }
    }

    /// <summary>A database name as part of a file name: a name may hold '/' or '..', which must not pick the directory.</summary>
    private static string FileNamePart(string database) =>
        new(database.Select(character => char.IsLetterOrDigit(character) || character is '-' or '_' ? character : '_').ToArray());
}
