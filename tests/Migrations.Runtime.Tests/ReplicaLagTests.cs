using System.Text.RegularExpressions;
using Migrations.Runtime.Tests.Infrastructure;
using Npgsql;

namespace Migrations.Runtime.Tests;

/// <summary>A primary with a streaming replica, both started by the tests: a replica that stops replaying pauses a backfill.</summary>
public sealed class ReplicaLagTests(PrimaryWithReplica cluster) : IClassFixture<PrimaryWithReplica>
{
    private const string Backfills = "Migrations.Runtime.Tests.Fixtures.Backfills";
    private const string PacedBackfill = "Migrations.Runtime.Tests.Fixtures.PacedBackfill";

    /// <summary>
    /// While replay stands still and WAL flows, PostgreSQL's replay_lag keeps growing (it interpolates between the WAL it
    /// sampled): past --max-replica-lag the backfill pauses, and goes on once the replica has caught up.
    /// </summary>
    [Fact]
    public async Task ReplicaReplayPaused_BackfillPausesOnceTheReplicaIsSecondsBehindAndFinishesAfterItCatchesUp()
    {
        var (stalled, result) = await DeployWhileReplayIsPausedAsync("replay_time", PacedBackfill, "--max-replica-lag", "1s", "--allow-out-of-order");

        Assert.True(stalled is > 0 and < 3000, $"rows read when it stood still: {stalled}\n{result.All}");
        Assert.True(result.ExitCode == 0, result.All);
        Assert.True(Regex.IsMatch(result.Error, @"backfill paused on items: replica walreceiver \(127\.0\.0\.1\) is [0-9.]+s and [0-9.]+[kM]?B behind in replay \(limits: --max-replica-lag 1s, --max-replica-lag-bytes 1GB\)"), result.All);
        Assert.True(Regex.IsMatch(result.Error, @"backfill resumed on items: after [0-9.]+s"), result.All);
        Assert.True(Regex.IsMatch(result.Output, @"backfilled items: 3,000 rows changed of 3,000 read, in \d+ batches; paused 1 time\(s\)"), result.All);
        Assert.Equal(3000L, await ScalarAsync(cluster.ConnectionString("replay_time"), "SELECT count(*) FROM items WHERE touched = 1"));
    }

    /// <summary>
    /// The deploy's own bookkeeping (history rows, hint bits and full-page images) can already be more WAL than a small
    /// byte limit, so the backfill may stop before its first batch: the right call, as the replica has not replayed it.
    /// </summary>
    [Fact]
    public async Task ReplicaReplayPaused_BackfillWaitsWhileMoreWalThanTheByteLimitIsLeftToReplay()
    {
        var (stalled, result) = await DeployWhileReplayIsPausedAsync("replay_bytes", Backfills, "--max-replica-lag-bytes", "256kB");

        Assert.True(stalled is >= 0 and < 3000, $"rows read when it stood still: {stalled}\n{result.All}");
        Assert.True(result.ExitCode == 0, result.All);
        Assert.True(Regex.IsMatch(result.Error, @"backfill paused on items: replica walreceiver \(127\.0\.0\.1\) is [0-9.]+s and [0-9.]+[kM]B behind in replay \(limits: --max-replica-lag 10s, --max-replica-lag-bytes 256kB\)"), result.All);
        Assert.True(Regex.IsMatch(result.Output, @"backfilled items: 3,000 rows changed of 3,000 read, in \d+ batches; paused 1 time\(s\)"), result.All);
        Assert.Equal(3000L, await ScalarAsync(cluster.ConnectionString("replay_bytes"), "SELECT count(*) FROM items WHERE touched = 1"));
    }

    /// <summary>
    /// After a stall, a caught-up replica keeps showing the lag it last measured until it has reported twice more
    /// (wal_receiver_status_interval apart): it must not hold a paused backfill back meanwhile.
    /// </summary>
    [Fact]
    public async Task ReplicaThatHasReplayedEverything_IsNotBehindThoughReplayLagStillShowsItsLastLag()
    {
        var url = await cluster.CreateDatabaseAsync("caught_up");
        Assert.Equal(0, BundleRun.Run(Backfills, "deploy", "-c", url, "--target", "202409010000").ExitCode);
        await cluster.WaitUntilCaughtUpAsync();
        await cluster.Replica.ExecuteAsync("ALTER SYSTEM SET wal_receiver_status_interval = '30s'");
        await cluster.Replica.ExecuteAsync("SELECT pg_reload_conf()");
        try
        {
            await cluster.Replica.ExecuteAsync("SELECT pg_wal_replay_pause()");
            await ScalarAsync(cluster.ConnectionString("caught_up"), "WITH touched AS (UPDATE items SET touched = 1 WHERE id <= 100 RETURNING 1) SELECT count(*) FROM touched");
            await Task.Delay(TimeSpan.FromSeconds(2));
            await cluster.Replica.ExecuteAsync("SELECT pg_wal_replay_resume()");
            await cluster.WaitUntilAsync("SELECT coalesce(bool_and(replay_lsn >= pg_current_wal_lsn() AND replay_lag > interval '1.5s'), false) FROM pg_stat_replication");

            await using var health = new Backfill.DatabaseHealth(cluster.ConnectionString("caught_up"), await ItemsOidAsync(), "items", 0, Backfill.HealthLimits.Default with { MaxReplicaLag = TimeSpan.FromSeconds(1) });
            Assert.Null(await health.ReasonToPauseAsync(_ => { }, CancellationToken.None));
        }
        finally
        {
            await cluster.Replica.ExecuteAsync("ALTER SYSTEM RESET wal_receiver_status_interval");
            await cluster.Replica.ExecuteAsync("SELECT pg_reload_conf()");
        }
    }

    private async Task<uint> ItemsOidAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("caught_up"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 'items'::regclass::oid", connection);
        return (uint)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// A new database with the items, then <paramref name="fixture"/> deployed while the caught-up replica's replay is
    /// paused: the rows read when the backfill stood still (-1: it never did), and the deploy once replay has resumed.
    /// </summary>
    private async Task<(long Stalled, BundleResult Result)> DeployWhileReplayIsPausedAsync(string database, string fixture, params string[] options)
    {
        var url = await cluster.CreateDatabaseAsync(database);
        Assert.Equal(0, BundleRun.Run(Backfills, "deploy", "-c", url, "--target", "202409010000").ExitCode);
        await cluster.WaitUntilCaughtUpAsync();
        await cluster.Replica.ExecuteAsync("SELECT pg_wal_replay_pause()");
        var deploy = Task.Run(() => BundleRun.Run(fixture, ["deploy", "-c", url, .. options]));
        long stalled;
        try
        {
            stalled = await WaitUntilStalledAsync(cluster.ConnectionString(database), deploy);
        }
        finally
        {
            await cluster.Replica.ExecuteAsync("SELECT pg_wal_replay_resume()");
        }

        return (stalled, await deploy);
    }

    /// <summary>Rows read once the unfinished backfill's progress row has stood still for two seconds while the deploy runs; -1 if it never did.</summary>
    private static async Task<long> WaitUntilStalledAsync(string connectionString, Task deploy)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long? last = null;
        var since = DateTime.UtcNow;
        while (!deploy.IsCompleted && DateTime.UtcNow < deadline)
        {
            long now;
            try
            {
                now = await ScalarAsync(connectionString, "SELECT coalesce((SELECT rows_scanned FROM migrations_backfill WHERE finished_at IS NULL), -1)");
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                now = -1;
            }

            if (now != last)
            {
                (last, since) = (now, DateTime.UtcNow);
            }
            else if (now >= 0 && DateTime.UtcNow - since > TimeSpan.FromSeconds(2))
            {
                return now;
            }

            await Task.Delay(100);
        }

        return -1;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
