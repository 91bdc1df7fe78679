using Migrations.Runtime.Cli;
using Migrations.Runtime.Output;
using Migrations.Runtime.Postgres;
using Migrations.Runtime.Tests.Infrastructure;
using Npgsql;

namespace Migrations.Runtime.Tests;

/// <summary>The server goes away in the middle of a deploy: on a private cluster, so no other test loses its server.</summary>
public sealed class ServerRestartTests
{
    private const string Slow = "Migrations.Runtime.Tests.Fixtures.Slow";
    private const string Backfills = "Migrations.Runtime.Tests.Fixtures.Backfills";

    [Fact]
    public async Task ServerRestartedDuringADeploy_IsAClearErrorAndTheNextDeployRunsTheMigrationAgain()
    {
        await using var cluster = PrivateCluster.Start(new QuietProgress(new ConsoleProgress(TextWriter.Null, TextWriter.Null)), CancellationToken.None);
        var url = $"postgresql://postgres@127.0.0.1:{cluster.Port}/postgres";
        var deploy = Task.Run(() => BundleRun.Run(Slow, "deploy", "-c", url));
        await WaitForSleepAsync(cluster.Port, deploy);

        cluster.Restart();
        var failed = await deploy;

        Assert.True(failed.ExitCode == ExitCodes.CannotConnect, failed.All);
        Assert.Contains("error: Lost the connection to the server while running 202408020000 SlowBackfill (57P01: terminating connection due to administrator command); nothing of it was applied. Deploy again once the server is reachable.", failed.Error);
        Assert.Single(failed.Error.Trim().Split('\n'));

        var status = BundleRun.Run(Slow, "status", "-c", url);
        Assert.Matches(@"202408010000\s+CreateEvents\s+applied", status.Output);
        Assert.Matches(@"202408020000\s+SlowBackfill\s+pending", status.Output);

        // The next deploy takes the lock and starts the migration again; stopping it there keeps the test short.
        using var cancel = new CancellationTokenSource();
        var again = Task.Run(() => BundleRun.Run(Slow, cancel.Token, "deploy", "-c", url));
        await WaitForSleepAsync(cluster.Port, again);
        await cancel.CancelAsync();
        var rerun = await again;
        Assert.Contains("→ 202408020000 SlowBackfill", rerun.Output);
        Assert.True(rerun.ExitCode == ExitCodes.Cancelled, rerun.All);
    }

    [Fact]
    public async Task ServerRestartedMidBackfill_NextDeployResumesFromTheLastCommittedBatch()
    {
        await using var cluster = PrivateCluster.Start(new QuietProgress(new ConsoleProgress(TextWriter.Null, TextWriter.Null)), CancellationToken.None);
        var url = $"postgresql://postgres@127.0.0.1:{cluster.Port}/postgres";
        var connection = $"Host=127.0.0.1;Port={cluster.Port};Username=postgres;Database=postgres;Pooling=false";
        var deploy = Task.Run(() => BundleRun.Run(Backfills, "deploy", "-c", url));
        await DatabaseWait.UntilAsync(connection, "SELECT coalesce((SELECT rows_scanned >= 500 FROM migrations_backfill), false)", deploy);

        cluster.Restart();
        var failed = await deploy;

        Assert.True(failed.ExitCode == ExitCodes.CannotConnect, failed.All);
        Assert.Contains("error: Lost the connection to the server while running 202409020000 TouchItems", failed.Error);
        await using var database = new NpgsqlConnection(connection);
        await database.OpenAsync();
        await using var done = new NpgsqlCommand("SELECT rows_scanned = (SELECT count(*) FROM items WHERE touched = 1) FROM migrations_backfill", database);
        Assert.True((bool)(await done.ExecuteScalarAsync())!);

        var resumed = BundleRun.Run(Backfills, "deploy", "-c", url);
        Assert.True(resumed.ExitCode == 0, resumed.All);
        await using var all = new NpgsqlCommand("SELECT count(*) FILTER (WHERE touched = 1) = 3000 AND count(*) = 3000 FROM items", database);
        Assert.True((bool)(await all.ExecuteScalarAsync())!);
    }

    private static async Task WaitForSleepAsync(int port, Task deploy)
    {
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep%')", connection);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(bool)(await command.ExecuteScalarAsync())! && !deploy.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
