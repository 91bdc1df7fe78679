using Migrations.Runtime.Connection;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Postgres;

namespace Migrations.Runtime.Backup;

/// <summary>A pg_dump archive that was written (mode 0600: it holds every row) and read back with pg_restore --list.</summary>
public sealed record DatabaseBackup(string Path, long Bytes, int Entries)
{
    public static async Task<DatabaseBackup> TakeAsync(ConnectionSettings settings, string? output, IProgressReporter progress, CancellationToken cancellationToken)
    {
        var serverMajor = await PostgresClientEnvironment.ServerMajorVersionAsync(settings, cancellationToken);
        var pgDump = PostgresTools.FindAtLeast("pg_dump", serverMajor);
        var path = BackupLocation.Resolve(output, settings.Database, Environment.GetEnvironmentVariable, progress.Warn);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        CreatePrivateFile(path);
        progress.Info($"Backing up {settings.Description} to {path}.");
        var arguments = PostgresClientEnvironment.Arguments(settings).Concat(["--format=custom", "--file", path, "--dbname", PostgresClientEnvironment.DatabaseArgument(settings.Database)]).ToList();
        var dump = ExternalProcess.Run(pgDump, arguments, PostgresClientEnvironment.Variables(settings));
        if (dump.ExitCode != 0)
        {
            File.Delete(path);
            throw new BundleFailure(Outcome.ToolFailed, $"pg_dump of {settings.Description} failed ({dump.FirstErrorLine}). Nothing was changed; fix the cause and retry.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var entries = ArchiveEntries(path, serverMajor);
        return new DatabaseBackup(path, new FileInfo(path).Length, entries);
    }

    /// <summary>Reads the archive's table of contents: a truncated or corrupt archive fails here, not on the day it is needed.</summary>
    public static int ArchiveEntries(string path, int serverMajor)
    {
        var list = ExternalProcess.Run(PostgresTools.FindAtLeast("pg_restore", serverMajor), ["--list", path], null);
        if (list.ExitCode != 0)
        {
            throw new BundleFailure(Outcome.ToolFailed, $"{path} is not a readable pg_dump archive ({list.FirstErrorLine}). Take a new backup.");
        }

        return list.Output.Split('\n').Count(line => line.Length > 0 && !line.StartsWith(';'));
    }

    /// <summary>Created 0600 before pg_dump writes a byte, so the rows are never readable by others, not even briefly.</summary>
    private static void CreatePrivateFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllBytes(path, []);
            return;
        }

        const UnixFileMode privateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = privateMode }))
        {
        }

        // An existing file keeps its old mode through FileMode.Create.
        File.SetUnixFileMode(path, privateMode);
    }
}
