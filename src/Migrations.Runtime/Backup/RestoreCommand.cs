using Migrations.Runtime.Connection;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Npgsql;

namespace Migrations.Runtime.Backup;

/// <summary>
/// restore FILE: the archive's state in place of the --connection database, all or nothing (see <see cref="DatabaseRestore"/>).
/// --create makes a new database; a database that holds anything is only replaced with --force, and is kept.
/// </summary>
public static class RestoreCommand
{
    public static async Task<Outcome> RunAsync(BundleContext context, string? connection, string file, bool create, bool force, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw BundleFailure.Usage($"Backup file {file} does not exist. Pass the path of a file written by 'backup'.");
        }

        var settings = ConnectionStringParser.FromOptionOrDatabaseUrl(connection);
        // The target may not exist (--create, or a typo): ask the maintenance database for the version.
        var serverMajor = await PostgresClientEnvironment.ServerMajorVersionAsync(DatabaseRestore.MaintenanceFor(settings), cancellationToken);
        var outcome = await new DatabaseRestore(settings, context.Progress).RunAsync(file, serverMajor, create, force, cancellationToken);
        var entries = outcome.ArchiveEntries;

        if (context.Json)
        {
            JsonOutput.Write(context.Output, new
            {
                database = settings.Description,
                file = Path.GetFullPath(file),
                created = outcome.Created,
                entries,
                replaced = outcome.Created ? null : new { keptAs = outcome.ReplacedKeptAs, contents = outcome.Replaced.ToString() },
                disconnectedSessions = outcome.Disconnected,
            });
            return Outcome.Success;
        }

        context.Output.WriteLine(Summary(file, settings.Description, entries, outcome));
        return Outcome.Success;
    }

    private static string Summary(string file, string database, int entries, RestoreOutcome outcome)
    {
        var restored = $"Restored {file} into {database} ({entries} archive entries)";
        if (outcome.Created)
        {
            return restored + ", a new database.";
        }

        var disconnected = outcome.Disconnected > 0 ? $" {outcome.Disconnected} session(s) connected to it were disconnected for the swap." : string.Empty;
        return outcome.ReplacedKeptAs is { } keptAs
            ? $"{restored}. The database it replaced ({outcome.Replaced}) is kept as '{keptAs}'; drop it once you no longer need it: DROP DATABASE {History.HistoryStore.Quote(keptAs)};{disconnected}"
            : $"{restored}; it replaced an empty database.{disconnected}";
    }
}
