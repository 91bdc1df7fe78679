using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Npgsql;

namespace Migrations.Runtime.Locking;

/// <summary>
/// One deployer at a time: a session advisory lock keyed by the history table, taken by polling
/// pg_try_advisory_lock. A blocking pg_advisory_lock would hold a snapshot while it waits, and a concurrent
/// index build in the lock holder's session waits for every such snapshot: the two would deadlock.
/// </summary>
public sealed class DeployLock : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(5);

    private readonly NpgsqlConnection _connection;
    private readonly long _key;
    private bool _held;

    private DeployLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>The lock key: stable per history table, so two projects on one database do not serialise each other.</summary>
    public static long KeyFor(string schema, string table)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"Migrations.Sdk deploy lock:{schema}.{table}"));
        return BitConverter.ToInt64(hash, 0);
    }

    public static async Task<DeployLock> AcquireAsync(NpgsqlConnection connection, long key, TimeSpan wait, IProgressReporter progress, CancellationToken cancellationToken)
    {
        var deployLock = new DeployLock(connection, key);
        var stopwatch = Stopwatch.StartNew();
        TimeSpan? lastReport = null;
        while (true)
        {
            if (await deployLock.TryTakeAsync(cancellationToken))
            {
                deployLock._held = true;
                return deployLock;
            }

            if (lastReport is null || stopwatch.Elapsed - lastReport >= ReportInterval)
            {
                lastReport = stopwatch.Elapsed;
                progress.Info($"Waiting for the deploy lock: {await deployLock.DescribeHolderAsync(cancellationToken)} (waited {stopwatch.Elapsed.TotalSeconds:0}s of {wait.TotalSeconds:0}s).");
            }

            if (stopwatch.Elapsed >= wait)
            {
                throw new BundleFailure(Outcome.DeployLockNotAcquired, $"Another deployer holds the deploy lock ({await deployLock.DescribeHolderAsync(cancellationToken)}) and did not release it within {wait.TotalSeconds:0}s. Wait for it to finish, or raise --lock-wait.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<bool> TryTakeAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", _connection);
        command.Parameters.AddWithValue("key", _key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Who holds the lock and what it is doing. A deploy killed during CREATE INDEX CONCURRENTLY keeps the lock until
    /// the server has finished the build it was running (the server notices a dead client only when it next answers
    /// it): then this names the pid, the statement and the build's phase, so it is clear what is being waited for.
    /// </summary>
    private async Task<string> DescribeHolderAsync(CancellationToken cancellationToken)
    {
        // A bigint advisory key shows in pg_locks split into classid (high half) and objid (low half), objsubid 1.
        const string sql = """
            SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.client_addr::text, 'local'), a.backend_start,
                   coalesce(a.state = 'active', false), coalesce(split_part(a.query, E'\n', 1), ''), extract(epoch FROM now() - a.query_start)::bigint,
                   coalesce(p.phase || CASE WHEN p.blocks_total > 0 THEN format(', %s%% of blocks', (100 * p.blocks_done / p.blocks_total)) ELSE '' END, '')
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            LEFT JOIN pg_stat_progress_create_index p ON p.pid = a.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid = ((@key >> 32) & 4294967295)::oid AND l.objid = (@key & 4294967295)::oid
            LIMIT 1
            """;
        await using var command = new NpgsqlCommand(sql, _connection);
        command.Parameters.AddWithValue("key", _key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return "holder already gone";
        }

        var pid = reader.GetInt32(0);
        var since = reader.GetFieldValue<DateTimeOffset>(3);
        var holder = $"held by pid {pid}, application '{reader.GetString(1)}', client {reader.GetString(2)}, connected since {since:u}";
        if (!reader.GetBoolean(4))
        {
            return holder;
        }

        var phase = reader.GetString(7);
        return $"{holder}, running for {reader.GetInt64(6)}s: {MessageText.Excerpt(reader.GetString(5), 80)}{(phase.Length > 0 ? $" ({phase})" : string.Empty)}; if that deploy was killed, the server finishes this statement first (SELECT pg_cancel_backend({pid}) stops it)";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_held || _connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        _held = false;
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", _key);
            await command.ExecuteScalarAsync();
        }
        catch (NpgsqlException)
        {
            // The session is gone, and the server released the lock with it.
        }
    }
}
