using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>
/// A non-transactional migration stopped halfway, and a concurrent index an earlier run left behind: what the next
/// deploy does with them, and that what the user is told is what really happened.
/// </summary>
public sealed class InterruptedRunTests
{
    private const string Basic = "Migrations.Runtime.Tests.Fixtures.Basic";

    [Fact]
    public async Task CancellingADoBlockThatCommitsAsItGoes_SaysThatPartOfItsWorkStaysApplied()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run("Migrations.Runtime.Tests.Fixtures.Interrupted", "deploy", "-c", database.Url, "--target", "202409010000");

        var result = await CancelOnceAsync(database, "Migrations.Runtime.Tests.Fixtures.Interrupted", "SELECT count(*) >= 300 FROM ledger");

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("0 of its 1 statements completed before the one that was cancelled, and stay applied (it has no transaction); the one that was cancelled (DO $$) had already committed part of its work, which stays applied too.", result.Error);
        Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM ledger") >= 300);
    }

    [Fact]
    public async Task CancellingAPlainStatement_SaysItWasRolledBackAndWhatCompletedBeforeIt()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run("Migrations.Runtime.Tests.Fixtures.LongStatement", "deploy", "-c", database.Url, "--target", "202409010000");

        var result = await CancelOnceAsync(database, "Migrations.Runtime.Tests.Fixtures.LongStatement", "SELECT count(*) = 1 FROM ledger");

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("1 of its 2 statements completed before the one that was cancelled, and stay applied (it has no transaction); the one that was cancelled (INSERT INTO ledger (batch) SELECT 1 FROM generate_series(1, …) was rolled back.", result.Error);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM ledger"));
    }

    [Fact]
    public async Task AValidIndexAnInterruptedRunCompleted_IsKeptAndTheMigrationRecordedAsApplied()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url, "--target", "202401020000");
        // What a killed deploy leaves when the server finishes the build on its own: the start recorded, the index valid.
        await database.ExecuteAsync("INSERT INTO migrations_history (version, name, state) VALUES (202401030000, 'IndexWidgetNames', 'running'); CREATE INDEX ix_widgets_name ON widgets (name)");

        var deploy = BundleRun.Run(Basic, "deploy", "-c", database.Url);

        Assert.True(deploy.ExitCode == ExitCodes.Success, deploy.All);
        Assert.Contains("index public.ix_widgets_name was completed by the earlier, interrupted run (valid, same definition): kept, not built again.", deploy.Output);
        Assert.Equal("applied", await database.ScalarAsync<string>("SELECT state FROM migrations_history WHERE version = 202401030000 ORDER BY id DESC LIMIT 1"));
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "status", "--exit-code", "-c", database.Url).ExitCode);
    }

    [Fact]
    public async Task AnIndexOfTheSameNameWithAnotherDefinition_StopsTheDeployWithBothDefinitions()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url, "--target", "202401020000");
        await database.ExecuteAsync("INSERT INTO migrations_history (version, name, state) VALUES (202401030000, 'IndexWidgetNames', 'running'); CREATE UNIQUE INDEX ix_widgets_name ON widgets (colour)");

        var deploy = BundleRun.Run(Basic, "deploy", "-c", database.Url);

        Assert.Equal(ExitCodes.MigrationFailed, deploy.ExitCode);
        Assert.Contains("builds index public.ix_widgets_name, which already exists with another definition (UNIQUE btree (colour); the migration builds btree (name)). Drop or rename the existing index, then deploy again.", deploy.Error);
        Assert.Equal("running", await database.ScalarAsync<string>("SELECT state FROM migrations_history WHERE version = 202401030000 ORDER BY id DESC LIMIT 1"));
    }

    /// <summary>Runs deploy and cancels it (as Ctrl-C does) once <paramref name="ready"/> holds on the database.</summary>
    private static async Task<BundleResult> CancelOnceAsync(TestDatabase database, string fixture, string ready)
    {
        using var cancel = new CancellationTokenSource();
        var deploy = Task.Run(() => BundleRun.Run(fixture, cancel.Token, "deploy", "-c", database.Url));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30) && !deploy.IsCompleted && !await database.ScalarAsync<bool>(ready))
        {
            await Task.Delay(50);
        }

        await cancel.CancelAsync();
        return await deploy;
    }
}
