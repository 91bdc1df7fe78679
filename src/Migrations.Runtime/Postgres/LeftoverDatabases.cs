using Migrations.Runtime.Connection;
using Migrations.Runtime.Output;
using Npgsql;

namespace Migrations.Runtime.Postgres;

/// <summary>
/// The temporary databases of test, drift and restore, named so that the ones a killed run (SIGKILL, a cancelled CI
/// job) could not drop can be found: purpose, UTC creation time, random suffix.
/// </summary>
internal static class LeftoverDatabases
{
    private const string Pattern = "^migrations_[a-z]+_[0-9]{14}_[0-9a-f]{8}$";

    public static string NewName(string purpose) => $"migrations_{purpose}_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// Lists the ones over an hour old that nobody is connected to, with the command that drops them. Not dropped
    /// unasked: someone may be looking into one.
    /// </summary>
    public static async Task WarnAsync(NpgsqlConnection connection, ConnectionSettings server, IProgressReporter progress, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT d.datname FROM pg_database d
            WHERE d.datname ~ @pattern
              AND substring(d.datname from '_([0-9]{14})_') < to_char(now() AT TIME ZONE 'UTC' - interval '1 hour', 'YYYYMMDDHH24MISS')
              AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid)
            ORDER BY 1
            """, connection);
        command.Parameters.AddWithValue("pattern", Pattern);
        var leftovers = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                leftovers.Add(reader.GetString(0));
            }
        }

        if (leftovers.Count > 0)
        {
            progress.Warn($"{leftovers.Count} temporary database(s) on {server.Host}:{server.Port} were left by earlier test, drift or restore runs that were killed: {string.Join(", ", leftovers)}. Drop them with: {string.Join(" ", leftovers.Select(name => $"DROP DATABASE \"{name}\";"))}");
        }
    }
}
