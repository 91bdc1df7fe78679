using System.Diagnostics;
using Migrations.Sdk.Tests.Infrastructure;
using Npgsql;

namespace Migrations.Sdk.Tests;

/// <summary>Several pods deploying at once, and deployers that die mid-way: real processes against the real server.</summary>
[Collection(StandardBundleCollection.Name)]
public sealed class DeployConcurrencyTests(StandardBundle bundle)
{
    [Fact]
    public async Task EightBundlesStartedTogether_ApplyEveryMigrationExactlyOnceAndAllSucceed()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var runs = Enumerable.Range(0, 8).Select(_ => bundle.Project.RunBundleAsync(database.Url, "deploy")).ToArray();
        var results = await Task.WhenAll(runs);

        Assert.All(results, result => Assert.True(result.ExitCode == 0, result.All));
        Assert.Equal(1, results.Count(result => result.Output.Contains("Deployed 3 migration(s)")));
        Assert.Equal(7, results.Count(result => result.Output.Contains("nothing to deploy")));
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history WHERE state = 'applied'"));
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(DISTINCT version) FROM migrations_history"));
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM \"VersionInfo\""));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.2)]
    public async Task DeployerKilledInATransactionalMigration_NextDeployConverges(double secondsIntoMigration)
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(0, (await bundle.Project.RunBundleAsync(database.Url, "deploy", "--target", "20250101000000")).ExitCode);

        using var deployer = StartBundle(database.Url, "deploy");
        await WaitForQueryAsync(database, "pg_sleep");
        await Task.Delay(TimeSpan.FromSeconds(secondsIntoMigration));
        deployer.Kill();
        await deployer.WaitForExitAsync();

        var next = await bundle.Project.RunBundleAsync(database.Url, "deploy");
        Assert.True(next.ExitCode == 0, next.All);
        await AssertFullyMigratedAsync(database);
    }

    [Fact]
    public async Task SigtermDuringATransactionalMigration_RollsItBackAndReleasesTheLock()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(0, (await bundle.Project.RunBundleAsync(database.Url, "deploy", "--target", "20250101000000")).ExitCode);

        using var deployer = StartBundle(database.Url, "deploy");
        var error = deployer.StandardError.ReadToEndAsync();
        await WaitForQueryAsync(database, "pg_sleep");
        using (var kill = Process.Start("kill", ["-TERM", deployer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await deployer.WaitForExitAsync();
        Assert.Equal(130, deployer.ExitCode);
        Assert.Contains("Cancelled while running 20250102000000 AddAccountNickname; nothing of it was applied.", await error);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'nickname'"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));

        var next = await bundle.Project.RunBundleAsync(database.Url, "deploy", "--lock-wait", "5s");
        Assert.True(next.ExitCode == 0, next.All);
        await AssertFullyMigratedAsync(database);
    }

    [Fact]
    public async Task DeployerKilledDuringAConcurrentIndexBuild_NextDeployDropsTheInvalidIndexAndConverges()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(0, (await bundle.Project.RunBundleAsync(database.Url, "deploy", "--target", "20250102000000")).ExitCode);

        // An open writing transaction makes CREATE INDEX CONCURRENTLY wait after it created the (still invalid) index.
        await using var writer = new NpgsqlConnection(database.ConnectionString);
        await writer.OpenAsync();
        await using var transaction = await writer.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO accounts (email) VALUES ('a@example.com')", writer, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        using var deployer = StartBundle(database.Url, "deploy");
        await WaitForQueryAsync(database, "CREATE INDEX CONCURRENTLY");
        deployer.Kill();
        await deployer.WaitForExitAsync();
        // The server notices a dead client only when it next talks to it; end the orphaned build the way a timeout would.
        await database.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'CREATE INDEX CONCURRENTLY%' AND pid <> pg_backend_pid()");
        await transaction.CommitAsync();
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_index WHERE NOT indisvalid"));

        var status = await bundle.Project.RunBundleAsync(database.Url, "status");
        Assert.Matches(@"20250103000000\s+IndexAccountEmails\s+interrupted", status.Output);

        var next = await bundle.Project.RunBundleAsync(database.Url, "deploy");
        Assert.True(next.ExitCode == 0, next.All);
        Assert.Contains("dropping INVALID index", next.Error);
        await AssertFullyMigratedAsync(database);
    }

    [Fact]
    public async Task DeployerKilledDuringAConcurrentIndexBuildThatTheServerFinishes_NextDeployWaitsForItThenKeepsTheValidIndex()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(0, (await bundle.Project.RunBundleAsync(database.Url, "deploy", "--target", "20250102000000")).ExitCode);
        await using var writer = new NpgsqlConnection(database.ConnectionString);
        await writer.OpenAsync();
        var transaction = await writer.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO accounts (email) VALUES ('a@example.com')", writer, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        using var deployer = StartBundle(database.Url, "deploy");
        await WaitForQueryAsync(database, "CREATE INDEX CONCURRENTLY");
        deployer.Kill();
        await deployer.WaitForExitAsync();

        // The orphaned build still holds the deploy lock in its session: the next deployer says what it waits for.
        var waiting = await bundle.Project.RunBundleAsync(database.Url, "deploy", "--lock-wait", "2s");
        Assert.Equal(4, waiting.ExitCode);
        Assert.Contains(": CREATE INDEX CONCURRENTLY \"ix_accounts_email\" ON \"public\".\"accounts\"", waiting.Error);
        Assert.True(waiting.Error.Contains("(waiting for writers before build", StringComparison.Ordinal), waiting.Error);
        Assert.Contains("if that deploy was killed, the server finishes this statement first (SELECT pg_cancel_backend(", waiting.Error);

        // The old transaction ends: the server completes the build, finds its client gone and ends the session.
        await transaction.CommitAsync();
        await WaitForNoQueryAsync(database, "CREATE INDEX CONCURRENTLY");
        Assert.True(await database.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_accounts_email'::regclass"));

        var next = await bundle.Project.RunBundleAsync(database.Url, "deploy");
        Assert.True(next.ExitCode == 0, next.All);
        Assert.Contains("index public.ix_accounts_email was completed by the earlier, interrupted run (valid, same definition): kept, not built again.", next.Output);
        await AssertFullyMigratedAsync(database);
    }

    private Process StartBundle(string databaseUrl, params string[] arguments) =>
        ProcessRunner.Start(bundle.Project.Bundle(), arguments, bundle.Project.ProjectDirectory, new Dictionary<string, string?> { ["DATABASE_URL"] = databaseUrl });

    private static async Task WaitForQueryAsync(TestDatabase database, string fragment)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(60))
        {
            var running = await database.ScalarAsync<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%{fragment}%' AND pid <> pg_backend_pid() AND state = 'active'");
            if (running > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No session started running '{fragment}'.");
    }

    private static async Task WaitForNoQueryAsync(TestDatabase database, string fragment)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(60) && await database.ScalarAsync<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%{fragment}%' AND pid <> pg_backend_pid()") > 0)
        {
            await Task.Delay(50);
        }
    }

    private static async Task AssertFullyMigratedAsync(TestDatabase database)
    {
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_index WHERE NOT indisvalid"));
        Assert.True(await database.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_accounts_email'::regclass"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'nickname'"));
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM \"VersionInfo\""));
    }
}
