using Migrations.Runtime.Output;
using Migrations.Runtime.Proving;
using Migrations.Runtime.Tests.Infrastructure;
using Npgsql;

namespace Migrations.Runtime.Tests;

/// <summary>A primary with a streaming replica, both started by the test: a replica that stops replaying pauses a backfill.</summary>
public sealed class ReplicaLagTests
{
    private const string Backfills = "Migrations.Runtime.Tests.Fixtures.Backfills";

    [Fact]
    public async Task ReplicaReplayPaused_BackfillPausesSayingWhyAndFinishesOnceTheReplicaCatchesUp()
    {
        await using var primary = PrivateCluster.Start(new QuietProgress(new ConsoleProgress(TextWriter.Null, TextWriter.Null)), CancellationToken.None);
        await using var replica = await StreamingReplica.StartAsync(primary);
        var url = $"postgresql://postgres@127.0.0.1:{primary.Port}/postgres";
        var setup = BundleRun.Run(Backfills, "deploy", "-c", url, "--target", "202409010000");
        Assert.True(setup.ExitCode == 0, setup.All);

        await replica.ExecuteAsync("SELECT pg_wal_replay_pause()");
        var deploy = Task.Run(() => BundleRun.Run(Backfills, "deploy", "-c", url, "--max-replica-lag-bytes", "256kB"));
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={primary.Port};Username=postgres;Database=postgres;Pooling=false");
        await connection.OpenAsync();
        var stalled = await WaitUntilStalledAsync(connection, deploy);
        Assert.True(stalled is > 0 and < 3000, deploy.IsCompleted ? (await deploy).All : $"rows read when it stood still: {stalled}");

        await replica.ExecuteAsync("SELECT pg_wal_replay_resume()");
        var result = await deploy;

        Assert.True(result.ExitCode == 0, result.All);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(result.Error, @"backfill paused on items: replica walreceiver \(127\.0\.0\.1\) is [0-9.]+s and [0-9.]+kB behind in replay \(limits: --max-replica-lag 10s, --max-replica-lag-bytes 256kB\)"), result.All);
        Assert.Matches(@"backfill resumed on items: after [0-9.]+s", result.Error);
        Assert.Matches(@"backfilled items: 3,000 rows changed of 3,000 read, in \d+ batches; paused 1 time\(s\)", result.Output);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM items WHERE touched = 1", connection);
        Assert.Equal(3000L, (long)(await count.ExecuteScalarAsync())!);
    }

    /// <summary>Rows read once the progress row has stood still for two seconds while the deploy is still running.</summary>
    private static async Task<long> WaitUntilStalledAsync(NpgsqlConnection connection, Task deploy)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long? last = null;
        var since = DateTime.UtcNow;
        while (!deploy.IsCompleted && DateTime.UtcNow < deadline)
        {
            await using var command = new NpgsqlCommand("SELECT coalesce((SELECT rows_scanned FROM migrations_backfill WHERE finished_at IS NULL), -1)", connection);
            long now;
            try
            {
                now = (long)(await command.ExecuteScalarAsync())!;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                now = -1;
            }

            if (now != last)
            {
                (last, since) = (now, DateTime.UtcNow);
            }
            else if (now > 0 && DateTime.UtcNow - since > TimeSpan.FromSeconds(2))
            {
                return now;
            }

            await Task.Delay(100);
        }

        return -1;
    }
}
