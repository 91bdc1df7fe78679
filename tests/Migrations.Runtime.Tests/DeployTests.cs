using System.Text.Json;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>deploy, status, rollback, resolve and baseline against the real PostgreSQL server.</summary>
public sealed class DeployTests
{
    private const string Basic = "Migrations.Runtime.Tests.Fixtures.Basic";

    [Fact]
    public async Task Deploy_AppliesEveryMigrationAndASecondDeployFindsNothingToDo()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var first = BundleRun.Run(Basic, "deploy", "-c", database.Url);
        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains("Deployed 3 migration(s)", first.Output);
        Assert.True(await database.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_widgets_name'::regclass"));
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM \"VersionInfo\""));

        var second = BundleRun.Run(Basic, "deploy", "-c", database.Url);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains("nothing to deploy", second.Output);
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history WHERE state = 'applied'"));
    }

    /// <summary>
    /// Deploy sends the SQL rendered for the checksum instead of building each migration again; a migration whose Up()
    /// asks the database, or runs code on the connection, has no complete rendering and must still run live.
    /// </summary>
    [Fact]
    public async Task Deploy_RunsMigrationsThatQueryTheDatabaseOrRunCodeAgainstTheLiveDatabase()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var result = BundleRun.Run("Migrations.Runtime.Tests.Fixtures.LiveQueries", "deploy", "-c", database.Url);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("found by Exists(),written by code", await database.ScalarAsync<string>("SELECT string_agg(name, ',' ORDER BY name) FROM settings"));
    }

    [Fact]
    public async Task DeployWithTarget_StopsAtThatVersion()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var result = BundleRun.Run(Basic, "deploy", "-c", database.Url, "--target", "202401010000");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE column_name = 'colour'"));
    }

    [Fact]
    public async Task DeployToAnAlreadyReachedTarget_SaysWhatIsStillPending()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url, "--target", "202401010000");

        var again = BundleRun.Run(Basic, "deploy", "-c", database.Url, "--target", "202401010000");

        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains("Nothing to deploy up to 202401010000; 2 pending migration(s) come after it.", again.Output);
    }

    [Fact]
    public async Task StatusWithAnUnknownAppliedMigration_DoesNotSayUpToDate()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url);
        await database.ExecuteAsync("INSERT INTO \"VersionInfo\" (\"Version\", \"AppliedOn\", \"Description\") VALUES (209901010000, now(), 'FromAnotherBranch')");

        var status = BundleRun.Run(Basic, "status", "--exit-code", "-c", database.Url);

        Assert.Equal(ExitCodes.ValidationFailed, status.ExitCode);
        Assert.Contains("Nothing pending, but the history needs attention (below).", status.Output);
        Assert.DoesNotContain("Up to date.", status.Output);
    }

    [Fact]
    public async Task AnEmbeddedScript_IsRenderedAndDeployed()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        const string Fixture = "Migrations.Runtime.Tests.Fixtures.EmbeddedScript";

        var script = BundleRun.Run(Fixture, "script");
        var deploy = BundleRun.Run(Fixture, "deploy", "-c", database.Url);

        Assert.True(script.ExitCode == ExitCodes.Success, script.All);
        Assert.Contains("CREATE TABLE gadgets", script.Output);
        Assert.True(deploy.ExitCode == ExitCodes.Success, deploy.All);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM gadgets"));
    }

    [Fact]
    public async Task DryRun_PrintsThePendingSqlAndChangesNothing()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var result = BundleRun.Run(Basic, "deploy", "--dry-run", "-c", database.Url);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("CREATE TABLE \"public\".\"widgets\"", result.Output);
        Assert.Contains("nothing was executed", result.Output);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task Status_ListsAppliedAndPendingAsTableAndJson()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url, "--target", "202401020000");

        var table = BundleRun.Run(Basic, "status", "-c", database.Url);
        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Matches(@"202401010000\s+CreateWidgets\s+applied\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", table.Output);
        Assert.Matches(@"202401030000\s+IndexWidgetNames\s+pending", table.Output);
        Assert.Contains("1 pending migration(s)", table.Output);

        var json = BundleRun.Run(Basic, "status", "--json", "-c", database.Url);
        using var document = JsonDocument.Parse(json.Output);
        var migrations = document.RootElement.GetProperty("migrations").EnumerateArray().ToList();
        Assert.Equal(["applied", "applied", "pending"], migrations.Select(m => m.GetProperty("state").GetString()));
        Assert.Equal(1, document.RootElement.GetProperty("pending").GetInt32());
    }

    [Fact]
    public async Task StatusExitCode_IsDistinctWhenMigrationsArePending()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        Assert.Equal(ExitCodes.PendingMigrations, BundleRun.Run(Basic, "status", "--exit-code", "-c", database.Url).ExitCode);
        BundleRun.Run(Basic, "deploy", "-c", database.Url);
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "status", "--exit-code", "-c", database.Url).ExitCode);
    }

    [Fact]
    public async Task StatusOnAFreshDatabase_CreatesNothing()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        BundleRun.Run(Basic, "status", "-c", database.Url);

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task RollbackBySteps_RunsDownOfTheNewestMigrations()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url);

        var result = BundleRun.Run(Basic, "rollback", "--steps", "2", "-c", database.Url);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_widgets_name'"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE column_name = 'colour'"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM \"VersionInfo\""));
        Assert.Matches(@"202401030000\s+IndexWidgetNames\s+pending", BundleRun.Run(Basic, "status", "-c", database.Url).Output);
    }

    [Fact]
    public async Task RollbackToZero_RemovesEverythingAndDeployRestoresIt()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url);

        Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "rollback", "--to", "0", "-c", database.Url).ExitCode);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'widgets'"));

        Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "deploy", "-c", database.Url).ExitCode);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'widgets'"));
    }

    [Fact]
    public async Task RollbackOfMoreStepsThanApplied_IsAUsageErrorAndChangesNothing()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url);

        var result = BundleRun.Run(Basic, "rollback", "--steps", "1000", "-c", database.Url);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--steps 1000 is more than the 3 applied migration(s). To roll back all of them, use --to 0.", result.Error);
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM \"VersionInfo\""));
    }

    [Fact]
    public async Task RollbackToUnknownVersion_IsAUsageErrorAndChangesNothing()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url);

        var result = BundleRun.Run(Basic, "rollback", "--to", "202401015555", "-c", database.Url);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM \"VersionInfo\""));
    }

    [Fact]
    public async Task RollbackOfAForwardOnlyMigration_IsRefused()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        const string forwardOnly = "Migrations.Runtime.Tests.Fixtures.ForwardOnly";
        BundleRun.Run(forwardOnly, "deploy", "-c", database.Url);

        var result = BundleRun.Run(forwardOnly, "rollback", "--steps", "2", "-c", database.Url);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("forward-only", result.Error);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'ledger'"));
    }

    [Fact]
    public async Task RollbackOfAMigrationWhoseDownThrowsNotImplemented_IsRefusedLikeForwardOnly_BeforeAnythingRuns()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        const string forwardOnly = "Migrations.Runtime.Tests.Fixtures.ForwardOnly";
        BundleRun.Run(forwardOnly, "deploy", "-c", database.Url);

        var result = BundleRun.Run(forwardOnly, "rollback", "--steps", "1", "-c", database.Url);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("Migration 202403020000 AddLedgerNote is forward-only and cannot be rolled back. Nothing was rolled back", result.Error);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'ledger' AND column_name = 'note'"));
    }

    [Fact]
    public async Task Resolve_RecordsWhoDidWhatAndWhyWithoutRunningSql()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var result = BundleRun.Run(Basic, "resolve", "--applied", "202401010000", "--reason", "created by the DBA", "-c", database.Url);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Recorded 202401010000 CreateWidgets as applied (it was never recorded); no SQL of the migration was run.", result.Output);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'widgets'"));
        var detail = await database.ScalarAsync<string>("SELECT detail FROM migrations_history WHERE version = 202401010000 AND state = 'resolved_applied'");
        Assert.Contains("created by the DBA", detail);
        Assert.Contains("resolved by", detail);

        var rolledBack = BundleRun.Run(Basic, "resolve", "--rolled-back", "202401010000", "-c", database.Url);
        Assert.Equal(ExitCodes.Success, rolledBack.ExitCode);
        Assert.Contains("(it was resolved as applied)", rolledBack.Output);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM \"VersionInfo\""));
    }

    [Fact]
    public async Task ResolveOfUnknownVersion_IsAUsageError()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var result = BundleRun.Run(Basic, "resolve", "--applied", "1", "-c", database.Url);
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("The bundle has no migration 1", result.Error);
    }

    [Fact]
    public async Task Baseline_RecordsMigrationsUpToTheVersionWithoutRunningThem()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE TABLE widgets (id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT \"PK_widgets\" PRIMARY KEY, name text NOT NULL)");

        var result = BundleRun.Run(Basic, "baseline", "202401010000", "-c", database.Url);

        Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        Assert.Contains("after checking that the schema is what they produce", result.Output);
        Assert.Contains("Next: 'Migrations.Runtime.Tests deploy' applies the 2 migration(s) after 202401010000.", result.Output);
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "deploy", "-c", database.Url).ExitCode);
        Assert.Equal("baselined", await database.ScalarAsync<string>("SELECT state FROM migrations_history WHERE version = 202401010000"));
    }

    [Fact]
    public async Task BaselineOfADatabaseAlreadyDeployedTo_IsRefused()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url, "--target", "202401010000");

        var result = BundleRun.Run(Basic, "baseline", "202401020000", "-c", database.Url);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("already has 1 applied migration(s): baseline is for a database the bundle has never deployed to", result.Error);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history"));
    }

    [Fact]
    public async Task ConnectionFailures_AreOneLineWithExitCode3AndNoPassword()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var wrongPassword = database.Url.Replace(":postgres@", ":WrongSecret99@", StringComparison.Ordinal);
        var missingDatabase = database.Url.Replace(database.Name, "no_such_database", StringComparison.Ordinal);
        var unreachable = "postgresql://postgres:WrongSecret99@127.0.0.1:1/x";

        foreach (var (url, expected) in new[] { (wrongPassword, "Authentication failed"), (missingDatabase, "does not exist"), (unreachable, "Nothing is listening on 127.0.0.1:1") })
        {
            var result = BundleRun.Run(Basic, "deploy", "-c", url);
            Assert.Equal(ExitCodes.CannotConnect, result.ExitCode);
            Assert.Contains(expected, result.Error);
            Assert.Single(result.Error.Trim().Split('\n'));
            Assert.DoesNotContain("WrongSecret99", result.All);
        }
    }

    [Fact]
    public async Task NoPasswordAndAPortThatHangsUp_AreExplained()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var noPassword = database.Url.Replace(":postgres@", "@", StringComparison.Ordinal);
        using var hangUp = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        hangUp.Start();
        var port = ((System.Net.IPEndPoint)hangUp.LocalEndpoint).Port;
        var closing = Task.Run(async () =>
        {
            for (var connection = 0; connection < 3; connection++)
            {
                using var client = await hangUp.AcceptTcpClientAsync();
            }
        });

        var withoutPassword = BundleRun.Run(Basic, "deploy", "-c", noPassword);
        var toAHangUp = BundleRun.Run(Basic, "deploy", "-c", $"postgresql://u:p@127.0.0.1:{port}/d?sslmode=disable");

        Assert.Equal((ExitCodes.CannotConnect, ExitCodes.CannotConnect), (withoutPassword.ExitCode, toAHangUp.ExitCode));
        Assert.Contains("wants a password for user 'postgres' and none was given", withoutPassword.Error);
        Assert.Contains("the server closed or stopped answering the connection before it was set up", toAHangUp.Error);
        hangUp.Stop();
        await Task.WhenAny(closing, Task.Delay(1000));
    }

    [Fact]
    public async Task DatabaseUrlEnvironmentVariable_IsUsedWhenNoConnectionIsGiven()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var previous = Environment.GetEnvironmentVariable("DATABASE_URL");
        Environment.SetEnvironmentVariable("DATABASE_URL", database.Url);
        try
        {
            Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "deploy").ExitCode);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DATABASE_URL", previous);
        }

        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM \"VersionInfo\""));
    }
}
