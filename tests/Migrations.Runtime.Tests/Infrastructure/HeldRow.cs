using Npgsql;

namespace Migrations.Runtime.Tests.Infrastructure;

/// <summary>
/// An application transaction that holds a row, and sessions queued behind it. Disposing releases the row first: a
/// connection whose command is still waiting cannot be closed, and a failed assertion must not hang the test there.
/// </summary>
public sealed class HeldRow : IAsyncDisposable
{
    private readonly NpgsqlConnection _holder;
    private readonly List<(NpgsqlConnection Connection, Task Waiting)> _queued = [];
    private bool _released;

    private HeldRow(NpgsqlConnection holder) => _holder = holder;

    public int HolderPid => _holder.ProcessID;

    /// <param name="sql">what the transaction runs before it sits idle, holding the rows it locked</param>
    public static async Task<HeldRow> HoldAsync(string connectionString, string sql)
    {
        var holder = new NpgsqlConnection(connectionString + ";Pooling=false");
        await holder.OpenAsync();
        await using var hold = new NpgsqlCommand("BEGIN; " + sql, holder);
        await hold.ExecuteNonQueryAsync();
        return new HeldRow(holder);
    }

    /// <summary>Starts <paramref name="sql"/> in a session of its own named <paramref name="application"/>; it waits until the row is released.</summary>
    public async Task<(int Pid, Task Waiting)> QueueAsync(string connectionString, string application, string sql)
    {
        var connection = new NpgsqlConnection($"{connectionString};Pooling=false;Application Name={application}");
        await connection.OpenAsync();
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        var waiting = command.ExecuteNonQueryAsync().ContinueWith(ran => { command.Dispose(); return ran; }, TaskScheduler.Default).Unwrap();
        _queued.Add((connection, waiting));
        return (connection.ProcessID, waiting);
    }

    /// <summary>Commits the holding transaction and lets every queued session finish.</summary>
    public async Task ReleaseAsync()
    {
        if (!_released)
        {
            _released = true;
            await using var commit = new NpgsqlCommand("COMMIT", _holder);
            await commit.ExecuteNonQueryAsync();
        }

        await Task.WhenAll(_queued.Select(queued => queued.Waiting));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // A queued statement that failed has its error in the test's own await; closing must not stop there.
            await ReleaseAsync().ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            foreach (var (connection, _) in _queued)
            {
                await connection.DisposeAsync();
            }

            await _holder.DisposeAsync();
        }
    }
}
