using Migrations.Runtime.Connection;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;

namespace Migrations.Runtime.Backup;

/// <summary>backup: pg_dump in custom format to --output or the backup folder (<see cref="BackupLocation"/>), mode 0600, verified.</summary>
public static class BackupCommand
{
    public static async Task<Outcome> RunAsync(BundleContext context, string? connection, string? output, CancellationToken cancellationToken)
    {
        var settings = ConnectionStringParser.FromOptionOrDatabaseUrl(connection);
        var backup = await DatabaseBackup.TakeAsync(settings, output, context.Progress, cancellationToken);
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { database = settings.Description, file = backup.Path, bytes = backup.Bytes, entries = backup.Entries });
        }
        else
        {
            context.Output.WriteLine($"Backed up {settings.Description} to {backup.Path} ({backup.Bytes} bytes, {backup.Entries} archive entries, verified with pg_restore --list).");
        }

        return Outcome.Success;
    }
}
