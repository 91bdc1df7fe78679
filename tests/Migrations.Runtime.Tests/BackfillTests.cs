using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>Execute.Backfill on a real server: batches, progress in the history schema, resume, rendering.</summary>
public sealed class BackfillTests
{
    private const string Backfills = "Migrations.Runtime.Tests.Fixtures.Backfills";

    [Fact]
    public async Task Deploy_BackfillsEveryRowExactlyOnceInBatchesAndRecordsItFinished()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var deploy = BundleRun.Run(Backfills, "deploy", "-c", database.Url);

        Assert.True(deploy.ExitCode == 0, deploy.All);
        Assert.Contains("backfilled items: 3,000 rows changed of 3,000 read, in 30 batches", deploy.Output);
        Assert.Equal(3000L, await database.ScalarAsync<long>("SELECT count(*) FROM items WHERE touched = 1"));
        Assert.Equal("3000 3000 30 t", await database.ScalarAsync<string>("SELECT concat_ws(' ', rows_scanned, rows_changed, batches, finished_at IS NOT NULL) FROM migrations_backfill WHERE version = 202409020000"));
    }

    [Fact]
    public async Task CancelledMidway_StatusShowsItsProgressAndTheNextDeployResumesWithoutRedoingARow()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        using var cancel = new CancellationTokenSource();
        var deploy = Task.Run(() => BundleRun.Run(Backfills, cancel.Token, "deploy", "-c", database.Url));
        await WaitUntilAsync(database, "SELECT coalesce((SELECT rows_scanned >= 1000 FROM migrations_backfill), false)", deploy);
        await cancel.CancelAsync();
        var cancelled = await deploy;
        Assert.True(cancelled.ExitCode == ExitCodes.Cancelled, cancelled.All);
        var done = await database.ScalarAsync<long>("SELECT rows_scanned FROM migrations_backfill");
        Assert.InRange(done, 1000, 2900);
        Assert.Equal(done, await database.ScalarAsync<long>("SELECT count(*) FROM items WHERE touched = 1"));

        var status = BundleRun.Run(Backfills, "status", "-c", database.Url);
        Assert.Matches(@"202409020000\s+TouchItems\s+failed", status.Output);
        Assert.Contains($"backfill of items: {done:N0} of ~3,000 rows read", status.Output);

        var resumed = BundleRun.Run(Backfills, "deploy", "-c", database.Url);
        Assert.True(resumed.ExitCode == 0, resumed.All);
        Assert.Contains($"resuming after key {done}", resumed.Error);
        Assert.Equal(3000L, await database.ScalarAsync<long>("SELECT count(*) FROM items WHERE touched = 1"));
    }

    [Fact]
    public void Script_ShowsHowTheBackfillRunsAndTheStatementOfOneBatch()
    {
        var script = BundleRun.Run(Backfills, "script", "--from", "202409010000");

        Assert.True(script.ExitCode == 0, script.All);
        Assert.Contains("-- Backfill of items, run by the bundle: key ranges of its primary key, each batch its own transaction", script.Output);
        Assert.Contains("""UPDATE "items" SET touched = touched + 1 WHERE "(primary key)" > $1 AND "(primary key)" <= $2;""", script.Output);
    }

    private static async Task WaitUntilAsync(TestDatabase database, string condition, Task deploy)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!deploy.IsCompleted && DateTime.UtcNow < deadline)
        {
            try
            {
                if (await database.ScalarAsync<bool>(condition))
                {
                    return;
                }
            }
            catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
            {
                // The history tables appear once the deploy holds its lock.
            }

            await Task.Delay(20);
        }
    }
}
