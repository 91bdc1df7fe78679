using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>Execute.Backfill on a real server: batches, progress in the history schema, resume, rendering.</summary>
public sealed class BackfillTests
{
    private const string Backfills = "Migrations.Runtime.Tests.Fixtures.Backfills";
    private const string SqlBackfill = "Migrations.Runtime.Tests.Fixtures.SqlBackfill";
    private const string FailingBackfill = "Migrations.Runtime.Tests.Fixtures.FailingBackfill";
    private const string SqlBackfillMisuse = "Migrations.Runtime.Tests.Fixtures.SqlBackfillMisuse";

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

    /// <summary>With --json, stdout keeps its one document and the backfill's events are JSON lines on stderr, for machines.</summary>
    [Fact]
    public async Task DeployWithJson_ReportsTheBackfillAsJsonLinesOnStderr()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var deploy = BundleRun.Run(Backfills, "deploy", "-c", database.Url, "--json");

        Assert.True(deploy.ExitCode == 0, deploy.All);
        using var document = System.Text.Json.JsonDocument.Parse(deploy.Output);
        var events = deploy.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.StartsWith('{')).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement).ToList();
        var backfill = events.Where(element => element.GetProperty("migration").GetString()!.Contains("202409020000", StringComparison.Ordinal)).ToList();
        Assert.Equal("backfill.started", backfill[0].GetProperty("event").GetString());
        var finished = Assert.Single(backfill, element => element.GetProperty("event").GetString() == "backfill.finished");
        Assert.Equal("items", finished.GetProperty("target").GetString());
        Assert.Equal(3000, finished.GetProperty("done").GetInt64());
        Assert.Equal(3000, finished.GetProperty("changed").GetInt64());
    }

    /// <summary>Each run of a migration starts its backfills over: what an earlier run in the same direction did is forgotten once the migration is applied or rolled back.</summary>
    [Fact]
    public async Task DeployedRolledBackAndDeployedAgain_RunsTheBackfillsOfEachDirectionEveryTime()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        foreach (var expected in new[] { 1, 0, 1, 0 })
        {
            var run = expected == 1 ? BundleRun.Run(Backfills, "deploy", "-c", database.Url) : BundleRun.Run(Backfills, "rollback", "--to", "202409010000", "-c", database.Url);
            Assert.True(run.ExitCode == 0, run.All);
            Assert.Equal(3000L, await database.ScalarAsync<long>($"SELECT count(*) FROM items WHERE touched = {expected}"));
        }

        Assert.Equal("down", await database.ScalarAsync<string>("SELECT string_agg(direction, ',') FROM migrations_backfill"));
    }

    [Fact]
    public async Task CancelledMidway_StatusShowsItsProgressAndTheNextDeployResumesWithoutRedoingARow()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        using var cancel = new CancellationTokenSource();
        var deploy = Task.Run(() => BundleRun.Run(Backfills, cancel.Token, "deploy", "-c", database.Url));
        await DatabaseWait.UntilAsync(database.ConnectionString, "SELECT coalesce((SELECT rows_scanned >= 1000 FROM migrations_backfill), false)", deploy);
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
    public async Task BackfillFailingMidway_SaysItsCommittedBatchesStayAndWhereItWillResume()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(0, BundleRun.Run(Backfills, "deploy", "-c", database.Url, "--target", "202409010000").ExitCode);

        var failed = BundleRun.Run(FailingBackfill, "deploy", "-c", database.Url, "--allow-out-of-order");

        Assert.True(failed.ExitCode == ExitCodes.MigrationFailed, failed.All);
        Assert.True(failed.Error.Contains("error: Migration 202409040000 TouchItemsUntilIdTwoThousand failed (22012: division by zero); 0 of its 1 statements completed before the one that failed, and stay applied (it has no transaction); "
            + "the one that failed (UPDATE \"items\" SET touched = touched + 1 + 0 / (2000 - id) W…) keeps the 19 batches it committed (1,900 rows read) and its progress: when a deploy reaches it again, it resumes after key 1900.", StringComparison.Ordinal), failed.Error);
        Assert.Equal(1900L, await database.ScalarAsync<long>("SELECT count(*) FROM items WHERE touched = 1"));
    }

    [Fact]
    public void Script_ShowsHowTheBackfillRunsAndTheStatementOfOneBatch()
    {
        var script = BundleRun.Run(Backfills, "script", "--from", "202409010000");

        Assert.True(script.ExitCode == 0, script.All);
        Assert.Contains("-- Backfill of items, run by the bundle: key ranges of its primary key, each batch its own transaction", script.Output);
        Assert.Contains("""UPDATE "items" SET touched = touched + 1 WHERE "(primary key)" > $1 AND "(primary key)" <= $2;""", script.Output);
    }

    [Fact]
    public async Task RowLockedByTheApplication_BatchWaitsOnlyTheLockWaitThenGivesUpResumablyAndTheNextDeployFinishes()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(0, BundleRun.Run(Backfills, "deploy", "-c", database.Url, "--target", "202409010000").ExitCode);
        await using var row = await HeldRow.HoldAsync(database.ConnectionString, "SELECT 1 FROM items WHERE id = 1550 FOR UPDATE");

        var stuck = BundleRun.Run(Backfills, "deploy", "-c", database.Url, "--backfill-lock-wait", "200ms", "--backfill-pause-limit", "2s");

        Assert.True(stuck.ExitCode == ExitCodes.GaveUpWaiting, stuck.All);
        Assert.Contains($"backfill paused on items: the batch waited more than --backfill-lock-wait 200ms for a row lock on items, held by pid {row.HolderPid} (", stuck.Error);
        Assert.Matches(@"error: The backfill of items in 202409020000 TouchItems was paused for [0-9.]+s \(the batch waited .*\) and gave up \(--backfill-pause-limit 2\.0s\)\. Its progress is saved \(.*\): deploy again to resume it\.", stuck.Error);
        var done = await database.ScalarAsync<long>("SELECT rows_scanned FROM migrations_backfill");
        Assert.InRange(done, 1400, 1549);
        Assert.Equal(done, await database.ScalarAsync<long>("SELECT count(*) FROM items WHERE touched = 1"));

        await row.ReleaseAsync();
        var resumed = BundleRun.Run(Backfills, "deploy", "-c", database.Url);
        Assert.True(resumed.ExitCode == 0, resumed.All);
        Assert.Equal(3000L, await database.ScalarAsync<long>("SELECT count(*) FROM items WHERE touched = 1"));
    }

    [Fact]
    public async Task AnotherSessionWaitingForALockOnTheTable_PausesTheBackfillUntilTheWaitEnds()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(0, BundleRun.Run(Backfills, "deploy", "-c", database.Url, "--target", "202409010000").ExitCode);
        await using var row = await HeldRow.HoldAsync(database.ConnectionString, "UPDATE items SET label = 'held' WHERE id = 3000");
        var waiter = await row.QueueAsync(database.ConnectionString, "checkout", "UPDATE items SET label = 'waited' WHERE id = 3000");
        // Past the limit before the deploy starts: a waiter the backfill sees at 0.2s is rightly not yet a reason to pause.
        // Both waits look at this database only: pg_stat_activity shows every database of the server.
        await DatabaseWait.UntilAsync(database.ConnectionString, "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'checkout' AND wait_event_type = 'Lock' AND now() - query_start > interval '0.5s')", waiter.Waiting);

        var deploy = Task.Run(() => BundleRun.Run(Backfills, "deploy", "-c", database.Url, "--backfill-lock-wait", "300ms"));
        await DatabaseWait.UntilAsync(database.ConnectionString, "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'migrations-bundle-health')", deploy);
        await Task.Delay(1500);
        var readWhileWaiting = await database.ScalarAsync<long>("SELECT coalesce((SELECT rows_scanned FROM migrations_backfill), 0)");
        await row.ReleaseAsync();
        var result = await deploy;

        Assert.True(readWhileWaiting == 0, result.All);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Matches($@"backfill paused on items: pid {waiter.Pid} \(checkout\) has waited [0-9.]+s for a lock on items, blocked by pid {row.HolderPid} \(limit: --backfill-lock-wait 0\.3s\): UPDATE items SET label = 'waited' WHERE id = 3000", result.Error);
        Assert.Equal(3000L, await database.ScalarAsync<long>("SELECT count(*) FROM items WHERE touched = 1"));
    }

    /// <summary>A statement that ran for a while and has only just met a lock has not waited long: the wait is timed from pg_locks.waitstart.</summary>
    [Fact]
    public async Task LongStatementThatHasJustMetALockOnTheTable_IsNoReasonToPauseUntilItHasWaitedTheLimit()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(0, BundleRun.Run(Backfills, "deploy", "-c", database.Url, "--target", "202409010000").ExitCode);
        await using var row = await HeldRow.HoldAsync(database.ConnectionString, "UPDATE items SET label = 'held' WHERE id = 3000");
        var waiter = await row.QueueAsync(database.ConnectionString, "report", "DO $$ BEGIN PERFORM pg_sleep(1.5); UPDATE items SET label = 'waited' WHERE id = 3000; END $$");
        await DatabaseWait.UntilAsync(database.ConnectionString, "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'report' AND wait_event_type = 'Lock')", waiter.Waiting);
        var items = await database.ScalarAsync<uint>("SELECT 'items'::regclass::oid");
        await using var health = new Backfill.DatabaseHealth(database.ConnectionString, items, "items", 0, Backfill.HealthLimits.Default with { LockWait = TimeSpan.FromSeconds(1) });

        var justMet = await health.ReasonToPauseAsync(_ => { }, CancellationToken.None);
        await DatabaseWait.UntilAsync(database.ConnectionString, $"SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = {waiter.Pid} AND now() - waitstart > interval '1.2s')", waiter.Waiting);
        var waitedLong = await health.ReasonToPauseAsync(_ => { }, CancellationToken.None);

        Assert.Null(justMet);
        Assert.Matches($@"^pid {waiter.Pid} \(report\) has waited 1\.[0-9]s for a lock on items, blocked by pid {row.HolderPid} \(limit: --backfill-lock-wait 1s\): DO \$\$", waitedLong);
    }

    [Fact]
    public async Task SecondDeployWhileABackfillRuns_WaitsForTheDeployLockInsteadOfRunningTheSameBackfill()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var first = Task.Run(() => BundleRun.Run(Backfills, "deploy", "-c", database.Url));
        await DatabaseWait.UntilAsync(database.ConnectionString, "SELECT coalesce((SELECT rows_scanned >= 300 FROM migrations_backfill), false)", first);

        var second = BundleRun.Run(Backfills, "deploy", "-c", database.Url, "--lock-wait", "100ms");

        Assert.True(second.ExitCode == ExitCodes.DeployLockNotAcquired, second.All);
        Assert.True((await first).ExitCode == 0);
        Assert.Equal(3000L, await database.ScalarAsync<long>("SELECT count(*) FROM items WHERE touched = 1"));
    }

    [Fact]
    public async Task SqlMigrationStatementMarkedAsBackfill_RunsInBatchesWithItsWhereAsTheCondition()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(0, BundleRun.Run(Backfills, "deploy", "-c", database.Url, "--target", "202409010000").ExitCode);
        await database.ExecuteAsync("UPDATE items SET label = 'other' WHERE id <= 10");

        var script = BundleRun.Run(SqlBackfill, "script");
        var deploy = BundleRun.Run(SqlBackfill, "deploy", "-c", database.Url, "--allow-out-of-order");

        Assert.True(script.Output.Contains("""UPDATE "items" SET touched = touched + 1, label = upper(label) WHERE (label LIKE 'item %') AND "id" > $1 AND "id" <= $2;""", StringComparison.Ordinal), script.All);
        Assert.True(deploy.ExitCode == 0, deploy.All);
        Assert.Contains("backfilled items: 2,990 rows changed of 3,000 read", deploy.Output);
        Assert.Equal(2990L, await database.ScalarAsync<long>("SELECT count(*) FROM items WHERE touched = 1 AND label LIKE 'ITEM %'"));
    }

    /// <summary>
    /// A '-- migrations: backfill' the bundle cannot run as one: over a statement it cannot walk in key ranges, or in a
    /// file that runs in one transaction. Deploy says which in one line and applies nothing; script marks the rendering
    /// incomplete with the same words.
    /// </summary>
    [Theory]
    [InlineData("NotBatchable", "marks a statement that is not 'UPDATE table SET … [WHERE …]' or 'DELETE FROM table WHERE …' (no alias, FROM, USING or RETURNING): UPDATE items SET label = other.label FROM other")]
    [InlineData("InTransaction", "SQL migration BackfillInTransaction has a '-- migrations: backfill' statement, whose batches commit one by one: start the file with '-- migrations: no-transaction'")]
    public async Task ABackfillDirectiveTheBundleCannotRun_IsRefusedInOneLineAndAppliesNothing(string fixture, string message)
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var deploy = BundleRun.Run(SqlBackfillMisuse + "." + fixture, "deploy", "-c", database.Url);
        var script = BundleRun.Run(SqlBackfillMisuse + "." + fixture, "script");

        Assert.True(deploy.ExitCode != 0, deploy.All);
        Assert.True(deploy.Error.Contains(message, StringComparison.Ordinal), deploy.All);
        Assert.DoesNotContain("   at ", deploy.All, StringComparison.Ordinal);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('VersionInfo', 'migrations_history')"));
        Assert.Contains("WARNING: incomplete rendering", script.Output, StringComparison.Ordinal);
        Assert.Contains(message, script.Output, StringComparison.Ordinal);
    }
}
