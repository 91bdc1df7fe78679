using System.Diagnostics;
using Npgsql;

namespace Migrations.Runtime.Testing;

/// <summary>
/// Watches the locks one backend holds on the tables that existed before a migration, polling pg_locks from a second
/// connection while the migration runs. Polling can miss a lock held for a millisecond, so a transactional migration
/// also reports, just before it commits, every lock its transaction holds (<see cref="CaptureBeforeCommit"/>).
/// </summary>
internal sealed class LockObserver : IAsyncDisposable
{
    private const string LocksOf = """
        SELECT relation, mode FROM pg_locks
        WHERE pid = @pid AND locktype = 'relation' AND granted AND relation = ANY(@tables)
        """;

    private readonly NpgsqlConnection _watcher;
    private readonly int _pid;
    private readonly uint[] _tables;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<uint, (string Mode, TimeSpan First, TimeSpan Last)> _strongest = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _polling;

    private LockObserver(NpgsqlConnection watcher, int pid, uint[] tables)
    {
        _watcher = watcher;
        _pid = pid;
        _tables = tables;
    }

    public static async Task<LockObserver> StartAsync(string connectionString, int pid, IEnumerable<uint> tables, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "migrations-test-observer" };
        var watcher = new NpgsqlConnection(builder.ConnectionString);
        await watcher.OpenAsync(cancellationToken);
        var observer = new LockObserver(watcher, pid, tables.ToArray());
        observer._polling = Task.Run(() => observer.PollAsync(observer._stop.Token), CancellationToken.None);
        // A quick migration must not start before the watcher looks for the first time.
        await Task.WhenAny(observer._firstPoll.Task, observer._polling);
        return observer;
    }

    /// <summary>Runs on the migration's own connection inside its transaction: the locks a transaction holds last until it ends.</summary>
    public void CaptureBeforeCommit(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand(LocksOf, connection, transaction);
        command.Parameters.AddWithValue("pid", connection.ProcessID);
        command.Parameters.AddWithValue("tables", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Oid, _tables);
        using var reader = command.ExecuteReader();
        var now = _clock.Elapsed;
        var seen = new List<(uint, string)>();
        while (reader.Read())
        {
            seen.Add((reader.GetFieldValue<uint>(0), reader.GetString(1)));
        }

        lock (_strongest)
        {
            foreach (var (table, mode) in seen)
            {
                // Not seen by the poller: it was taken at some point since the migration started.
                Record(table, mode, _strongest.TryGetValue(table, out var known) && known.Mode == LockModes.Stronger(known.Mode, mode) ? known.First : TimeSpan.Zero, now);
            }
        }
    }

    /// <summary>Stops watching; per table oid, the strongest mode seen and how long it was held.</summary>
    public async Task<IReadOnlyDictionary<uint, (string Mode, long HeldMs)>> StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await (_polling ?? Task.CompletedTask);
        }
        catch (NpgsqlException)
        {
            // The watcher lost its connection: report what it saw until then; the migration's own result tells the rest.
        }

        lock (_strongest)
        {
            return _strongest.ToDictionary(pair => pair.Key, pair => (pair.Value.Mode, (long)Math.Ceiling((pair.Value.Last - pair.Value.First).TotalMilliseconds)));
        }
    }

    private async Task PollAsync(CancellationToken stop)
    {
        await using var command = new NpgsqlCommand(LocksOf, _watcher);
        command.Parameters.AddWithValue("pid", _pid);
        command.Parameters.AddWithValue("tables", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Oid, _tables);
        await command.PrepareAsync(CancellationToken.None);
        while (!stop.IsCancellationRequested)
        {
            var seen = new List<(uint, string)>();
            await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
            {
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    seen.Add((reader.GetFieldValue<uint>(0), reader.GetString(1)));
                }
            }

            var now = _clock.Elapsed;
            lock (_strongest)
            {
                foreach (var (table, mode) in seen)
                {
                    Record(table, mode, now, now);
                }
            }

            _firstPoll.TrySetResult();

            try
            {
                await Task.Delay(2, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Keeps the strongest mode per table; a stronger one restarts the clock, the same one extends it.</summary>
    private void Record(uint table, string mode, TimeSpan first, TimeSpan last)
    {
        if (!_strongest.TryGetValue(table, out var known) || LockModes.Strength(mode) > LockModes.Strength(known.Mode))
        {
            _strongest[table] = (mode, first, last);
        }
        else if (mode == known.Mode)
        {
            _strongest[table] = (mode, known.First <= first ? known.First : first, last > known.Last ? last : known.Last);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await (_polling ?? Task.CompletedTask);
        }
        catch (NpgsqlException)
        {
            // The database is going away with the test run.
        }

        _stop.Dispose();
        await _watcher.DisposeAsync();
    }
}
