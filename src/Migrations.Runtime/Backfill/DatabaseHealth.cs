using System.Globalization;
using Npgsql;

namespace Migrations.Runtime.Backfill;

/// <summary>
/// Looks, from a connection of its own, at what should pause a backfill on one table: replicas' replay lag
/// (pg_stat_replication), other sessions' lock waits on the table (pg_stat_activity, pg_locks) and an autovacuum that
/// protects the table from wraparound (pg_stat_progress_vacuum). One round trip per look.
/// </summary>
/// <remarks>
/// replay_lag is measured each time the standby reports (on receiving WAL, and every wal_receiver_status_interval,
/// 10s by default); while its replay stands still PostgreSQL interpolates, so the lag keeps growing as long as WAL
/// flows. Once the standby has replayed everything, replay_lag keeps the last lag it measured (as long as the pause
/// that preceded it) until the standby has reported twice more: up to 20s in which a caught-up replica would hold a
/// paused backfill back. A replica that has replayed all WAL the primary wrote is not behind, whatever replay_lag says.
/// A replica catching up after a disconnection (state catchup) is behind by definition, so it counts as well.
/// </remarks>
internal sealed class DatabaseHealth(string connectionString, uint tableOid, string tableName, int backfillPid, HealthLimits limits) : IAsyncDisposable
{
    /// <summary>
    /// pg_stat_activity, pg_locks and pg_stat_progress_vacuum cover the whole cluster, and an oid is only unique within
    /// one database: every look is confined to the backfill's own database. A session's lock wait is timed from when it
    /// began waiting (pg_locks.waitstart, PostgreSQL 14+), not from when its statement began: a long statement that has
    /// just met a lock has not waited long. Before 14 the statement's start is all there is.
    /// </summary>
    private static string Sql(bool hasWaitStart) => $$"""
        SELECT p.pid FROM pg_stat_progress_vacuum p JOIN pg_stat_activity a ON a.pid = p.pid
        WHERE p.datid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND p.relid = @table AND a.query LIKE '%to prevent wraparound%' LIMIT 1;
        SELECT coalesce(nullif(application_name, ''), 'standby'), coalesce(host(client_addr), 'local socket'),
               CASE WHEN replay_lsn >= pg_current_wal_lsn() THEN 0 ELSE coalesce(extract(epoch FROM replay_lag), 0) END::float8,
               pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float8
        FROM pg_stat_replication WHERE state IN ('streaming', 'catchup') ORDER BY 4 DESC NULLS FIRST;
        WITH locks AS MATERIALIZED (
            SELECT pid, relation, granted, {{(hasWaitStart ? "waitstart" : "NULL::timestamptz AS waitstart")}} FROM pg_locks
            WHERE database IS NULL OR database = (SELECT oid FROM pg_database WHERE datname = current_database())
        ), waiting AS (
            SELECT a.pid, coalesce(a.application_name, '') AS application, split_part(coalesce(a.query, ''), E'\n', 1) AS query,
                   extract(epoch FROM now() - coalesce((SELECT min(l.waitstart) FROM locks l WHERE l.pid = a.pid AND NOT l.granted),
                       {{(hasWaitStart ? "now()" : "coalesce(a.query_start, a.state_change)")}}))::float8 AS waited
            FROM pg_stat_activity a
            WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND a.pid NOT IN (pg_backend_pid(), @backfill)
              AND EXISTS (SELECT 1 FROM locks l WHERE l.pid = a.pid AND l.relation = @table)
        )
        SELECT pid, application, waited, query, array_to_string(pg_blocking_pids(pid), ', ') FROM waiting ORDER BY waited DESC LIMIT 1;
        """;

    /// <summary>
    /// A healthy database is looked at again after this long at the earliest, not before every batch: batches of a few
    /// milliseconds would each add a look over pg_locks (which holds every lock partition while it copies) and pg_stat_activity.
    /// </summary>
    private static readonly TimeSpan HealthyFor = TimeSpan.FromMilliseconds(250);

    private NpgsqlConnection? _connection;
    private long? _healthyAt;
    private string? _sql;
    private bool _warnedInvisibleLag;

    /// <summary>Why the backfill should wait now, in one line; null when nothing stands in its way.</summary>
    public async Task<string?> ReasonToPauseAsync(Action<string> warn, CancellationToken cancellationToken)
    {
        if (_healthyAt is { } healthyAt && System.Diagnostics.Stopwatch.GetElapsedTime(healthyAt) < HealthyFor)
        {
            return null;
        }

        var reason = await LookAsync(warn, cancellationToken);
        _healthyAt = reason is null ? System.Diagnostics.Stopwatch.GetTimestamp() : null;
        return reason;
    }

    private async Task<string?> LookAsync(Action<string> warn, CancellationToken cancellationToken)
    {
        _connection ??= await OpenAsync(cancellationToken);
        _sql ??= Sql(hasWaitStart: _connection.PostgreSqlVersion.Major >= 14);
        await using var command = new NpgsqlCommand(_sql, _connection);
        command.Parameters.Add(new NpgsqlParameter("table", NpgsqlTypes.NpgsqlDbType.Oid) { Value = tableOid });
        command.Parameters.AddWithValue("backfill", backfillPid);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            return $"autovacuum (pid {reader.GetInt32(0)}) is vacuuming {tableName} to prevent transaction ID wraparound";
        }

        await reader.NextResultAsync(cancellationToken);
        string? reason = null;
        while (await reader.ReadAsync(cancellationToken) && reason is null)
        {
            if (reader.IsDBNull(3))
            {
                // Without pg_monitor (or superuser) the lag columns read NULL: say once that this guard is blind.
                if (!_warnedInvisibleLag)
                {
                    warn("the deploying role cannot see replicas' replay position (pg_stat_replication needs pg_monitor): a backfill cannot pause for replica lag.");
                    _warnedInvisibleLag = true;
                }

                continue;
            }

            var (name, address, lagSeconds, lagBytes) = (reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3));
            if (lagSeconds > limits.MaxReplicaLag.TotalSeconds || lagBytes > limits.MaxReplicaLagBytes)
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"replica {name} ({address}) is {lagSeconds:0.0}s and {Bytes(lagBytes)} behind in replay (limits: --max-replica-lag {limits.MaxReplicaLag.TotalSeconds:0.#}s, --max-replica-lag-bytes {Bytes(limits.MaxReplicaLagBytes)})");
            }
        }

        if (reason is not null)
        {
            return reason;
        }

        await reader.NextResultAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken) && reader.GetDouble(2) > limits.LockWait.TotalSeconds)
        {
            var blockers = reader.GetString(4);
            var application = reader.GetString(1);
            return string.Create(CultureInfo.InvariantCulture, $"pid {reader.GetInt32(0)}{(application.Length > 0 ? $" ({application})" : string.Empty)} has waited {reader.GetDouble(2):0.0}s for a lock on {tableName}{(blockers.Length > 0 ? $", blocked by pid {blockers}" : string.Empty)} (limit: --backfill-lock-wait {limits.LockWait.TotalSeconds:0.###}s): {Truncate(reader.GetString(3))}");
        }

        return null;
    }

    internal static string Bytes(double bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 30):0.#}GB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 20):0.#}MB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 10):0.#}kB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:0}B"),
    };

    private static string Truncate(string query) => query.Length > 100 ? query[..100] + "…" : query;

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "migrations-bundle-health", Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
