using System.Diagnostics;
using Migrations.Runtime.Cli;
using Migrations.Runtime.History;
using Migrations.Runtime.Locking;
using Migrations.Runtime.Tests.Infrastructure;
using Npgsql;

namespace Migrations.Runtime.Tests;

/// <summary>The deploy engine under a busy database: held locks, a second deployer, failed non-transactional migrations.</summary>
public sealed class DeploySafetyTests
{
    private const string Basic = "Migrations.Runtime.Tests.Fixtures.Basic";
    private const string FailingIndex = "Migrations.Runtime.Tests.Fixtures.FailingConcurrentIndex";

    [Fact]
    public async Task LockTimeout_IsRetriedAndFailsCleanlyNamingTheBlocker()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url, "--target", "202401010000");
        await using var blocker = await HoldTableLockAsync(database, "widgets");

        var stopwatch = Stopwatch.StartNew();
        var result = BundleRun.Run(Basic, "deploy", "-c", database.Url, "--lock-timeout", "1s", "--retries", "2");

        Assert.Equal(ExitCodes.LockTimeout, result.ExitCode);
        Assert.Contains("AddWidgetColour could not get its lock within 1s after 2 attempts", result.Error);
        Assert.Contains($"blocked by pid {blocker.ProcessID}", result.Error);
        Assert.Contains("SELECT count(*) FROM widgets", result.Error);
        Assert.Contains("lock timeout (attempt 1 of 2)", result.Error);
        Assert.Contains("Nothing of it was applied", result.Error);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE column_name = 'colour'"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM \"VersionInfo\""));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task LockTimeout_SucceedsOnRetryOnceTheBlockerIsGone()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url, "--target", "202401010000");
        var blocker = await HoldTableLockAsync(database, "widgets");

        var deploy = Task.Run(() => BundleRun.Run(Basic, "deploy", "-c", database.Url, "--lock-timeout", "300ms", "--retries", "10"));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await blocker.DisposeAsync();
        var result = await deploy;

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("lock timeout (attempt 1 of 10)", result.Error);
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM \"VersionInfo\""));
    }

    [Fact]
    public async Task DeployLockHeldByAnotherSession_IsReportedWithTheHolderAndADistinctExitCode()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = "other-deployer" }.ConnectionString);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", holder))
        {
            take.Parameters.AddWithValue("key", DeployLock.KeyFor("public", HistoryStore.TableName));
            await take.ExecuteNonQueryAsync();
        }

        var result = BundleRun.Run(Basic, "deploy", "-c", database.Url, "--lock-wait", "1s");

        Assert.Equal(ExitCodes.DeployLockNotAcquired, result.ExitCode);
        Assert.Contains($"held by pid {holder.ProcessID}, application 'other-deployer'", result.Error);
        Assert.Contains("Waiting for the deploy lock", result.Output);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'widgets'"));
    }

    [Fact]
    public async Task FailedConcurrentIndexBuild_IsRecordedAndTheNextDeployRebuildsTheInvalidIndex()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var failed = BundleRun.Run(FailingIndex, "deploy", "-c", database.Url);

        Assert.Equal(ExitCodes.MigrationFailed, failed.ExitCode);
        Assert.Contains("Migration 202402020000 UniqueOrderCodes failed (23505:", failed.Error);
        Assert.Contains("it has no transaction", failed.Error);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_index WHERE NOT indisvalid"));
        var status = BundleRun.Run(FailingIndex, "status", "-c", database.Url, "--exit-code");
        Assert.Equal(ExitCodes.ValidationFailed, status.ExitCode);
        Assert.Matches(@"202402020000\s+UniqueOrderCodes\s+failed", status.Output);
        Assert.Contains("could not create unique index", status.Output);

        await database.ExecuteAsync("DELETE FROM orders WHERE id = 2");
        var retried = BundleRun.Run(FailingIndex, "deploy", "-c", database.Url);

        Assert.Equal(ExitCodes.Success, retried.ExitCode);
        Assert.Contains("dropping INVALID index \"public\".ux_orders_code", retried.Error.Replace("public.", "\"public\".", StringComparison.Ordinal));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_index WHERE NOT indisvalid"));
        Assert.Equal(ExitCodes.Success, BundleRun.Run(FailingIndex, "status", "-c", database.Url, "--exit-code").ExitCode);
    }

    [Fact]
    public async Task FailedMigrationResolvedByHand_IsRecordedAndNoLongerPending()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(FailingIndex, "deploy", "-c", database.Url);
        await database.ExecuteAsync("DROP INDEX ux_orders_code");

        var resolved = BundleRun.Run(FailingIndex, "resolve", "--rolled-back", "202402020000", "--reason", "codes are not unique yet", "-c", database.Url);
        Assert.Equal(ExitCodes.Success, resolved.ExitCode);
        Assert.Contains("(it was failed)", resolved.Output);

        var status = BundleRun.Run(FailingIndex, "status", "-c", database.Url);
        Assert.Matches(@"202402020000\s+UniqueOrderCodes\s+pending", status.Output);
        Assert.Contains("codes are not unique yet", await database.ScalarAsync<string>("SELECT detail FROM migrations_history ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task AppliedMigrationEditedAfterwards_IsReportedAndBlocksDeploy()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url, "--target", "202401020000");
        // What an edit of an applied migration looks like from the database: the recorded checksum no longer matches.
        await database.ExecuteAsync("UPDATE migrations_history SET checksum = 'edited' WHERE version = 202401010000");

        var status = BundleRun.Run(Basic, "status", "-c", database.Url, "--exit-code");
        Assert.Equal(ExitCodes.ValidationFailed, status.ExitCode);
        Assert.Matches(@"202401010000\s+CreateWidgets\s+applied, modified since", status.Output);

        var validate = BundleRun.Run(Basic, "validate", "-c", database.Url);
        Assert.Equal(ExitCodes.ValidationFailed, validate.ExitCode);
        Assert.Contains("202401010000 CreateWidgets: edited after it was applied", validate.Output);

        var deploy = BundleRun.Run(Basic, "deploy", "-c", database.Url);
        Assert.Equal(ExitCodes.ValidationFailed, deploy.ExitCode);
        Assert.Contains("was edited after it was applied", deploy.Error);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_widgets_name'"));

        Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "resolve", "--applied", "202401010000", "--reason", "reviewed: comment-only edit", "-c", database.Url).ExitCode);
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "deploy", "-c", database.Url).ExitCode);
    }

    [Fact]
    public async Task MigrationAppliedButMissingFromTheBundle_IsReported()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url);
        await database.ExecuteAsync("INSERT INTO migrations_history (version, name, checksum, state) VALUES (202401040000, 'FromANewerBranch', 'x', 'applied')");

        var status = BundleRun.Run(Basic, "status", "-c", database.Url, "--exit-code");
        Assert.Equal(ExitCodes.ValidationFailed, status.ExitCode);
        Assert.Matches(@"202401040000\s+FromANewerBranch\s+applied, not in this bundle", status.Output);
        var validate = BundleRun.Run(Basic, "validate", "-c", database.Url, "--json");
        Assert.Contains("202401040000 FromANewerBranch: applied in the database but missing from this bundle", validate.Output);
    }

    [Fact]
    public async Task PendingMigrationOlderThanTheNewestApplied_IsOutOfOrderAndRefusedUnlessAllowed()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url);
        BundleRun.Run(Basic, "resolve", "--rolled-back", "202401020000", "-c", database.Url);
        await database.ExecuteAsync("ALTER TABLE widgets DROP COLUMN colour");

        var status = BundleRun.Run(Basic, "status", "-c", database.Url);
        Assert.Matches(@"202401020000\s+AddWidgetColour\s+pending \(out of order\)", status.Output);

        var refused = BundleRun.Run(Basic, "deploy", "-c", database.Url);
        Assert.Equal(ExitCodes.ValidationFailed, refused.ExitCode);
        Assert.Contains("would run out of order", refused.Error);

        var allowed = BundleRun.Run(Basic, "deploy", "-c", database.Url, "--allow-out-of-order");
        Assert.Equal(ExitCodes.Success, allowed.ExitCode);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE column_name = 'colour'"));
    }

    [Fact]
    public async Task PgBouncerUrl_IsRefusedBeforeAnythingChanges()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var result = BundleRun.Run(Basic, "deploy", "-c", database.Url + "?pgbouncer=true");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("transaction-pooling proxy", result.Error);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    /// <summary>An open transaction that read the table: its ACCESS SHARE lock blocks any ALTER TABLE.</summary>
    private static async Task<NpgsqlConnection> HoldTableLockAsync(TestDatabase database, string table)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"BEGIN; SELECT count(*) FROM {table};", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
