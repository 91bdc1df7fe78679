using System.Text.Json;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>deploy --rollback-on-failure and rollback --dry-run against the real server.</summary>
public sealed class RollbackOnFailureTests
{
    private const string FailsAfterTwo = "Migrations.Runtime.Tests.Fixtures.FailsAfterTwo";
    private const string ForwardOnlyThenFails = "Migrations.Runtime.Tests.Fixtures.ForwardOnlyThenFails";

    [Fact]
    public async Task AFailedMigration_UndoesWhatThisDeployAppliedNewestFirst()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var result = BundleRun.Run(FailsAfterTwo, "deploy", "-c", database.Url, "--rollback-on-failure");

        Assert.Equal(ExitCodes.MigrationFailed, result.ExitCode);
        Assert.Contains("error: Migration 202407030000 BreakOnPurpose failed (22012: division by zero); nothing of it was applied. Rolled back all 2 migration(s) this deploy applied (202407020000 AddParcelWeight, 202407010000 CreateParcels): the database is back where this deploy started.", result.Error);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename IN ('parcels', 'labels')"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM \"VersionInfo\""));
        Assert.Equal(
            "202407010000 applied,202407020000 applied,202407020000 rolled_back,202407010000 rolled_back",
            await database.ScalarAsync<string>("SELECT string_agg(version || ' ' || state, ',' ORDER BY id) FROM migrations_history"));
    }

    [Fact]
    public async Task OnlyMigrationsOfThisDeploy_AreUndone()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(ExitCodes.Success, BundleRun.Run(FailsAfterTwo, "deploy", "-c", database.Url, "--target", "202407010000").ExitCode);

        var result = BundleRun.Run(FailsAfterTwo, "deploy", "-c", database.Url, "--rollback-on-failure", "--json");

        Assert.Equal(ExitCodes.MigrationFailed, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal([202407020000L], root.GetProperty("applied").EnumerateArray().Select(item => item.GetProperty("version").GetInt64()));
        Assert.Equal(202407030000L, root.GetProperty("failed").GetProperty("version").GetInt64());
        Assert.Equal([202407020000L], root.GetProperty("rollback").GetProperty("undone").EnumerateArray().Select(item => item.GetProperty("version").GetInt64()));
        Assert.Equal(0, root.GetProperty("rollback").GetProperty("notUndone").GetArrayLength());
        Assert.Equal(ExitCodes.MigrationFailed, root.GetProperty("exitCode").GetInt32());
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'parcels'"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'parcels' AND column_name = 'weight'"));
    }

    [Fact]
    public async Task AForwardOnlyMigration_StopsTheRollbackAndIsNamed()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var result = BundleRun.Run(ForwardOnlyThenFails, "deploy", "-c", database.Url, "--rollback-on-failure");

        Assert.Equal(ExitCodes.MigrationFailed, result.ExitCode);
        Assert.Contains("Rolled back 1 of the 2 migration(s) this deploy applied (202408020000 AddCrateSize); still applied: 202408010000 CreateCrates (forward-only: it has no Down()).", result.Error);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'crates'"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'crates' AND column_name = 'size'"));
    }

    [Fact]
    public async Task AFailedMigrationWithoutATransaction_UndoesNothingAndSaysWhy()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var result = BundleRun.Run("Migrations.Runtime.Tests.Fixtures.FailingConcurrentIndex", "deploy", "-c", database.Url, "--rollback-on-failure");

        Assert.Equal(ExitCodes.MigrationFailed, result.ExitCode);
        Assert.Contains("Rolled back 0 of the 1 migration(s) this deploy applied; still applied: 202402010000 CreateOrders (202402020000 UniqueOrderCodes ran without a transaction and may be partly applied, so undoing what it builds on is not safe).", result.Error);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'orders'"));
    }

    [Fact]
    public async Task WithoutTheOption_AFailureSaysWhatStaysApplied()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var result = BundleRun.Run(FailsAfterTwo, "deploy", "-c", database.Url);

        Assert.Equal(ExitCodes.MigrationFailed, result.ExitCode);
        Assert.Contains("Applied by this deploy before the failure, and still applied: 202407010000 CreateParcels, 202407020000 AddParcelWeight.", result.Output);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'parcels' AND column_name = 'weight'"));
    }

    [Fact]
    public async Task RollbackDryRun_PrintsTheDownSqlAndChangesNothing()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(ExitCodes.Success, BundleRun.Run(FailsAfterTwo, "deploy", "-c", database.Url, "--target", "202407020000").ExitCode);

        var result = BundleRun.Run(FailsAfterTwo, "rollback", "-c", database.Url, "--steps", "2", "--dry-run");

        Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        Assert.Contains("rollback would run Down() of 2 migration(s), newest first; nothing was executed.", result.Output);
        Assert.True(result.Output.IndexOf("ALTER TABLE \"public\".\"parcels\" DROP COLUMN \"weight\"", StringComparison.Ordinal) < result.Output.IndexOf("DROP TABLE \"public\".\"parcels\"", StringComparison.Ordinal), result.Output);
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'parcels' AND column_name = 'weight'"));
    }

    [Fact]
    public async Task RollbackDryRunThroughAForwardOnlyMigration_IsRefusedAsTheRollbackWouldBe()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(ExitCodes.Success, BundleRun.Run(ForwardOnlyThenFails, "deploy", "-c", database.Url, "--target", "202408020000").ExitCode);

        var result = BundleRun.Run(ForwardOnlyThenFails, "rollback", "-c", database.Url, "--to", "0", "--dry-run");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Equal("error: Migration 202408010000 CreateCrates is forward-only and cannot be rolled back. Nothing was rolled back; roll back to a version after it (--to 202408010000).\n", result.Error);
        Assert.Empty(result.Output);
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history"));
    }
}
