using Npgsql;

namespace Migrations.Runtime.Engine;

/// <summary>
/// Watches, from a second connection, who blocks the deploying session while a statement waits for a lock
/// (pg_blocking_pids), so a lock timeout can name the sessions to look at.
/// </summary>
/// <param name="connection">A second connection already open (the deploy lock's pooling check opens one): taken over, not opened again.</param>
internal sealed class BlockerMonitor(string connectionString, SideConnection? connection = null) : IAsyncDisposable
{
    // Timer callbacks of successive statements (and dispose) can overlap under load; one Npgsql connection
    // must never be used by two of them at once.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SideConnection? _connection = connection;
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
            return await ReadSessionsAsync(command, cancellationToken);
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

    /// <summary>
    /// True once a statement that can commit as it goes (a DO block or procedure with COMMIT inside) has committed at
    /// least once: inside such a statement every COMMIT starts a new transaction, whose start is after the statement's.
    /// </summary>
    public async Task<bool> HasCommittedDuringStatementAsync(int pid, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_disposed)
            {
                return false;
            }

            await using var command = new NpgsqlCommand("SELECT coalesce(bool_or(xact_start > query_start), false) FROM pg_stat_activity WHERE pid = @pid AND state = 'active'", await ConnectAsync(cancellationToken));
            command.Parameters.AddWithValue("pid", pid);
            return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// After a lock timeout nobody is blocked any more, so pg_blocking_pids has nothing to say: name instead the sessions
    /// that hold a lock on the table the failed statement wanted. Used when no look was possible while it waited.
    /// </summary>
    public async Task<IReadOnlyList<BlockingSession>> FindLockHoldersAsync(string? schema, string table, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT DISTINCT a.pid, coalesce(a.state, ''), extract(epoch FROM now() - coalesce(a.xact_start, a.query_start, a.backend_start))::bigint,
                   split_part(coalesce(a.query, ''), E'\n', 1), coalesce(a.application_name, '')
            FROM pg_locks l
            JOIN pg_stat_activity a ON a.pid = l.pid
            JOIN pg_class c ON c.oid = l.relation
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE l.granted AND l.pid <> pg_backend_pid()
              AND lower(c.relname) = lower(@table)
              AND (lower(n.nspname) = lower(@schema) OR (@schema IS NULL AND n.nspname = ANY(current_schemas(false))))
            """;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, await ConnectAsync(cancellationToken));
            command.Parameters.AddWithValue("table", table);
            command.Parameters.Add(new NpgsqlParameter("schema", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)schema ?? DBNull.Value });
            return await ReadSessionsAsync(command, cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            return [];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The build's row in pg_stat_progress_create_index (CREATE INDEX and REINDEX, PostgreSQL 12+); null when none.</summary>
    public async Task<IndexBuildProgress?> FindIndexBuildAsync(int pid, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT p.phase,
                   CASE WHEN p.blocks_total > 0 THEN p.blocks_done WHEN p.tuples_total > 0 THEN p.tuples_done ELSE p.lockers_done END,
                   CASE WHEN p.blocks_total > 0 THEN p.blocks_total WHEN p.tuples_total > 0 THEN p.tuples_total ELSE p.lockers_total END,
                   a.pid, coalesce(a.state, ''), extract(epoch FROM now() - coalesce(a.xact_start, a.query_start, a.backend_start))::bigint,
                   split_part(coalesce(a.query, ''), E'\n', 1), coalesce(a.application_name, '')
            FROM pg_stat_progress_create_index p
            LEFT JOIN pg_stat_activity a ON a.pid = nullif(p.current_locker_pid, 0)
            WHERE p.pid = @pid
            """;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_disposed)
            {
                return null;
            }

            await using var command = new NpgsqlCommand(sql, await ConnectAsync(cancellationToken));
            command.Parameters.AddWithValue("pid", pid);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var locker = reader.IsDBNull(3) ? null : new BlockingSession(reader.GetInt32(3), reader.GetString(4), TimeSpan.FromSeconds(reader.GetInt64(5)), Truncate(reader.GetString(6)), reader.GetString(7));
            return new IndexBuildProgress(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), locker);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Truncate(string query) => query.Length > 120 ? query[..120] + "…" : query;

    private static async Task<IReadOnlyList<BlockingSession>> ReadSessionsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sessions = new List<BlockingSession>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var query = reader.GetString(3);
            sessions.Add(new BlockingSession(reader.GetInt32(0), reader.GetString(1), TimeSpan.FromSeconds(reader.GetInt64(2)), Truncate(query), reader.GetString(4)));
        }

        return sessions;
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        _connection ??= await SideConnection.OpenAsync(connectionString, cancellationToken);
        return _connection.Connection;
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
