using System.Diagnostics;
using Migrations.Sdk.Tests.Infrastructure;

namespace Migrations.Sdk.Tests;

/// <summary>A bundle process killed with SIGKILL in the middle of a backfill, then deployed again: every row exactly once.</summary>
public sealed class BackfillKillTests : IAsyncLifetime
{
    private const string Name = "Items.Migrations";

    private TestProject _project = null!;

    public async Task InitializeAsync()
    {
        _project = TestProject.Create(Name, files: new Dictionary<string, string>
        {
            [$"{Name}/Migrations/Items.cs"] = """
                using FluentMigrator;
                using Migrations.Runtime.Backfill;

                namespace Items.Migrations;

                [Migration(20250201000000, "items")]
                public sealed class CreateItems : Migration
                {
                    public override void Up()
                    {
                        Create.Table("items").WithColumn("id").AsInt64().PrimaryKey().WithColumn("touched").AsInt32().NotNullable().WithDefaultValue(0);
                        Execute.Sql("INSERT INTO items (id) SELECT generate_series(1, 20000)");
                    }

                    public override void Down() => Delete.Table("items");
                }

                // touched = touched + 1 with no condition: a row done twice shows as 2, a skipped one as 0.
                [Migration(20250202000000, TransactionBehavior.None, "touch every item")]
                public sealed class TouchItems : Migration
                {
                    public override void Up() =>
                        Execute.Backfill("items").Set("touched = touched + 1").BatchSize(200, 200).TargetBatchDuration(TimeSpan.FromSeconds(5)).PauseBetweenBatches(TimeSpan.FromMilliseconds(20));

                    public override void Down() => Execute.Sql("SELECT 1");
                }
                """,
        });
        await _project.BuildAsync();
    }

    public Task DisposeAsync()
    {
        _project.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task BundleKilledMidBackfill_ServerAbortsTheOrphanedBatchAndTheNextDeployNeitherRedoesNorSkipsARow()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var setup = await _project.RunBundleAsync(database.Url, "deploy", "--target", "20250201000000");
        Assert.True(setup.ExitCode == 0, setup.All);

        using var deployer = ProcessRunner.Start(_project.Bundle(), ["deploy"], _project.ProjectDirectory, new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url });
        var stopwatch = Stopwatch.StartNew();
        while (await RowsReadAsync(database) < 4000 && stopwatch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
        }

        deployer.Kill();
        await deployer.WaitForExitAsync();

        // client_connection_check_interval: the server notices the dead client within about a second and ends its session,
        // rolling back a batch in flight and releasing the deploy lock.
        stopwatch.Restart();
        while (await database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'migrations-bundle'") > 0 && stopwatch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), "the killed bundle's session outlived it");
        var done = await database.ScalarAsync<long>("SELECT rows_scanned FROM migrations_backfill");
        Assert.InRange(done, 4000, 19999);
        Assert.Equal(done, await database.ScalarAsync<long>("SELECT count(*) FROM items WHERE touched = 1"));
        Assert.Equal(20000 - done, await database.ScalarAsync<long>("SELECT count(*) FROM items WHERE touched = 0"));

        var next = await _project.RunBundleAsync(database.Url, "deploy", "--lock-wait", "5s");
        Assert.True(next.ExitCode == 0, next.All);
        Assert.Contains($"resuming after key {done}", next.Error);
        Assert.Equal(20000L, await database.ScalarAsync<long>("SELECT count(*) FROM items WHERE touched = 1"));
    }

    /// <summary>Rows the backfill has read so far; 0 before its first batch (the progress table is created by the first backfill).</summary>
    private static async Task<long> RowsReadAsync(TestDatabase database)
    {
        try
        {
            return await database.ScalarAsync<long>("SELECT coalesce((SELECT rows_scanned FROM migrations_backfill), 0)");
        }
        catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }
}
