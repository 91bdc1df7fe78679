using Migrations.Runtime.Output;
using Migrations.Runtime.Postgres;
using Npgsql;

namespace Migrations.Runtime.Tests.Infrastructure;

/// <summary>A private primary and its streaming replica, started once for a test class (each test takes a database of its own).</summary>
public sealed class PrimaryWithReplica : IAsyncLifetime
{
    private PrivateCluster? _primary;

    public StreamingReplica Replica { get; private set; } = null!;

    public int Port => _primary!.Port;

    public async Task InitializeAsync()
    {
        _primary = PrivateCluster.Start(new QuietProgress(new ConsoleProgress(TextWriter.Null, TextWriter.Null)), CancellationToken.None);
        Replica = await StreamingReplica.StartAsync(_primary);
    }

    /// <summary>A new database on the primary (a replica follows the whole cluster, so it replicates too).</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return $"postgresql://postgres@127.0.0.1:{Port}/{name}";
    }

    /// <summary>
    /// Until the replica has replayed all WAL and the primary has forgotten the lag it last measured (replay_lag NULL,
    /// after two reports of a replica fully caught up), so a test starts from a replica with no lag to show.
    /// </summary>
    public Task WaitUntilCaughtUpAsync() =>
        WaitUntilAsync("SELECT coalesce(bool_and(replay_lsn = pg_current_wal_lsn() AND replay_lag IS NULL), false) FROM pg_stat_replication");

    /// <summary>Polls the primary (at most a minute) until a condition holds.</summary>
    public async Task WaitUntilAsync(string condition)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(condition, connection);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(bool)(await command.ExecuteScalarAsync())!)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still not true after a minute: {condition}");
            await Task.Delay(100);
        }
    }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false";

    public async Task DisposeAsync()
    {
        await Replica.DisposeAsync();
        await _primary!.DisposeAsync();
    }
}
