using Npgsql;

namespace Migrations.Runtime.Engine;

/// <summary>
/// Watches, from a second connection, who blocks the deploying session while a statement waits for a lock
/// (pg_blocking_pids), so a lock timeout can name the sessions to look at.
/// </summary>
internal sealed class BlockerMonitor(string connectionString) : IAsyncDisposable
{
    // Timer callbacks of successive statements (and dispose) can overlap under load; one Npgsql connection
    // must never be used by two of them at once.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _connection;
    private bool _disposed;

    /// <summary>
    /// Opens the watching connection ahead of time: a lock timeout of a fraction of a second leaves no time to connect
    /// once a statement is already waiting.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_disposed)
            {
                await ConnectAsync(cancellationToken);
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // Observation is best effort; the deploy goes on without it.
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<BlockingSession>> FindBlockersAsync(int blockedPid, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT pid, coalesce(state, ''), extract(epoch FROM now() - coalesce(xact_start, query_start, backend_start))::bigint,
                   split_part(coalesce(query, ''), E'\n', 1), coalesce(application_name, '')
            FROM pg_stat_activity WHERE pid = ANY(pg_blocking_pids(@pid))
            """;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_disposed)
            {
                return [];
            }

            await using var command = new NpgsqlCommand(sql, await ConnectAsync(cancellationToken));
            command.Parameters.AddWithValue("pid", blockedPid);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var sessions = new List<BlockingSession>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var query = reader.GetString(3);
                sessions.Add(new BlockingSession(reader.GetInt32(0), reader.GetString(1), TimeSpan.FromSeconds(reader.GetInt64(2)), query.Length > 120 ? query[..120] + "…" : query, reader.GetString(4)));
            }

            return sessions;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // Observation is best effort: it must never fail the deploy it watches.
            return [];
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "migrations-bundle-monitor", Pooling = false };
            _connection = new NpgsqlConnection(builder.ConnectionString);
            await _connection.OpenAsync(cancellationToken);
        }

        return _connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}

internal sealed record BlockingSession(int Pid, string State, TimeSpan Age, string Query, string Application)
{
    public override string ToString() =>
        $"pid {Pid} ({(Application.Length > 0 ? Application + ", " : string.Empty)}{State}, for {Age.TotalSeconds:0}s: {Query})";
}
