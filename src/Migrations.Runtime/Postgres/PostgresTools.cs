using System.Text.RegularExpressions;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Postgres;

/// <summary>
/// The PostgreSQL client and server programs on this machine (pg_dump, pg_restore, initdb, pg_ctl): found on PATH
/// or in Debian's /usr/lib/postgresql/&lt;major&gt;/bin, newest major first. Debian's PATH entries are wrappers that
/// pick a version by cluster configuration, so the versioned directories are preferred.
/// </summary>
internal static partial class PostgresTools
{
    public static IEnumerable<string> Candidates(string program)
    {
        var versioned = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(directory => int.TryParse(Path.GetFileName(directory), out var major) ? major : 0)
                .Select(directory => Path.Combine(directory, "bin", program))
            : [];
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program));
        return versioned.Concat(onPath).Where(File.Exists).Distinct();
    }

    /// <summary>The newest copy of a program, or a failure that says how to install it.</summary>
    public static string Find(string program) =>
        Candidates(program).FirstOrDefault()
        ?? throw new BundleFailure(Outcome.ToolFailed, $"{program} was not found on PATH or in /usr/lib/postgresql/*/bin. Install the PostgreSQL client programs (e.g. apt-get install postgresql-client) and retry.");

    /// <summary>The major version a program reports with --version ("pg_dump (PostgreSQL) 15.8" → 15).</summary>
    public static int MajorVersion(string path)
    {
        var result = ExternalProcess.Run(path, ["--version"], environment: null);
        var match = VersionPattern().Match(result.Output);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The newest program whose major version is at least the server's (pg_dump refuses newer servers).</summary>
    public static string FindAtLeast(string program, int serverMajor)
    {
        var candidates = Candidates(program).Select(path => (Path: path, Major: MajorVersion(path))).ToList();
        if (candidates.Count == 0)
        {
            Find(program);
        }

        var fitting = candidates.Where(candidate => candidate.Major >= serverMajor).OrderByDescending(candidate => candidate.Major).FirstOrDefault();
        return fitting.Path ?? throw new BundleFailure(Outcome.ToolFailed,
            $"{program} {candidates.Max(candidate => candidate.Major)} is older than the server (PostgreSQL {serverMajor}) and cannot read it. Install the PostgreSQL {serverMajor} client programs (e.g. apt-get install postgresql-client-{serverMajor}).");
    }

    public static bool RunningAsRoot => Environment.IsPrivilegedProcess && OperatingSystem.IsLinux();

    [GeneratedRegex(@"\(PostgreSQL\)\s+(\d+)")]
    private static partial Regex VersionPattern();
}
