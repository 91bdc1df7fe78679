using Migrations.Runtime.Postgres;
using Npgsql;

namespace Migrations.Runtime.Tests.Infrastructure;

/// <summary>
/// A hot standby of a private cluster, made the way an operator makes one: pg_basebackup -R from the primary (as the
/// postgres user), started on a second port, streaming. Stopped and deleted on dispose, before its primary.
/// </summary>
public sealed class StreamingReplica : IAsyncDisposable
{
    private readonly string _data;
    private readonly string _binDirectory;
    private readonly string? _runAs;

    private StreamingReplica(string data, string binDirectory, int port, string? runAs)
    {
        _data = data;
        _binDirectory = binDirectory;
        Port = port;
        _runAs = runAs;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    internal static async Task<StreamingReplica> StartAsync(PrivateCluster primary)
    {
        var binDirectory = Path.GetDirectoryName(PostgresTools.Find("pg_basebackup"))!;
        var runAs = PostgresTools.RunningAsRoot ? "postgres" : null;
        var data = Path.Combine(primary.Directory, "replica");
        var port = PrivateCluster.FreePort();
        Require(ExternalProcess.Run(Path.Combine(binDirectory, "pg_basebackup"), ["-h", "127.0.0.1", "-p", primary.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-D", data, "-R", "-X", "stream", "--no-sync"], null, runAs), "pg_basebackup");
        var replica = new StreamingReplica(data, binDirectory, port, runAs);
        // A standby reports its replay position when WAL arrives and every wal_receiver_status_interval (10s by default);
        // while a backfill pauses no WAL arrives, so 1s lets the primary see a resumed replica catch up sooner.
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -k {primary.Directory} -c hot_standby=on -c wal_receiver_status_interval=1";
        Require(ExternalProcess.Run(Path.Combine(binDirectory, "pg_ctl"), ["-D", data, "-l", Path.Combine(primary.Directory, "replica.log"), "-o", options, "-w", "-t", "60", "start"], null, runAs), "pg_ctl start of the replica");
        await replica.WaitUntilStreamingAsync(primary);
        return replica;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task WaitUntilStreamingAsync(PrivateCluster primary)
    {
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={primary.Port};Username=postgres;Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'", connection);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The replica did not start streaming within 60s.");
            }

            await Task.Delay(100);
        }
    }

    private static void Require(ExternalProcess.Result result, string step)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{step} failed: {result.FirstErrorLine}");
        }
    }

    public ValueTask DisposeAsync()
    {
        ExternalProcess.Run(Path.Combine(_binDirectory, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "stop"], null, _runAs);
        return ValueTask.CompletedTask;
    }
}
