using System.Text.Json;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>deploy, status and validate over a targets file, against real databases of the real server.</summary>
public sealed class FleetTests
{
    private const string Basic = "Migrations.Runtime.Tests.Fixtures.Basic";

    [Fact]
    public async Task FleetDeployWithAFailingTarget_DeploysTheOthersAndExitsWithTheFailuresCode()
    {
        await using var fleet = await FleetDatabases.CreateAsync(3);
        // A table of that name already exists: the first migration fails on this database only.
        await fleet.Databases[1].ExecuteAsync($"CREATE TABLE widgets (id int); ALTER TABLE widgets OWNER TO {fleet.Role}");
        var targets = fleet.WriteTargets();

        var result = BundleRun.Run(Basic, "deploy", "--targets", targets, "--parallel", "2", "--on-failure", "continue");

        Assert.Equal(ExitCodes.MigrationFailed, result.ExitCode);
        foreach (var index in new[] { 0, 2 })
        {
            Assert.Equal(3L, await fleet.Databases[index].ScalarAsync<long>("SELECT count(*) FROM migrations_history WHERE state = 'applied'"));
        }

        Assert.Equal(0L, await fleet.Databases[1].ScalarAsync<long>("SELECT count(*) FROM migrations_history WHERE state = 'applied'"));
        Assert.Matches($@"\n2 +{fleet.Address(fleet.Databases[0])} +deployed +3 +\d+\.\d\ds", result.Output);
        Assert.Matches($@"\n3 +{fleet.Address(fleet.Databases[1])} +failed \(exit 6\) +0 +\d+\.\d\ds", result.Output);
        Assert.Contains("2 succeeded, 1 failed.", result.Output);
        Assert.Contains($"line 3 {fleet.Address(fleet.Databases[1])}: Migration 202401010000 CreateWidgets failed (42P07: relation \"widgets\" already exists); nothing of it was applied.", result.Output);
        Assert.DoesNotContain(fleet.Password, result.All);
    }

    /// <summary>Targets deployed side by side: each backfill's events (how far it got, why it paused) reach stderr, named with their target.</summary>
    [Fact]
    public async Task FleetDeployOfABackfill_ShowsEachTargetsBackfillEventsUnderItsName()
    {
        await using var fleet = await FleetDatabases.CreateAsync(2);

        var result = BundleRun.Run("Migrations.Runtime.Tests.Fixtures.Backfills", "deploy", "--targets", fleet.WriteTargets(), "--parallel", "2");

        Assert.True(result.ExitCode == 0, result.All);
        foreach (var database in fleet.Databases)
        {
            Assert.Matches($@"\[{System.Text.RegularExpressions.Regex.Escape(fleet.Address(database))}\]     backfill of items: from the start", result.Error);
            Assert.Matches($@"\[{System.Text.RegularExpressions.Regex.Escape(fleet.Address(database))}\]     backfilled items: 3,000 (of ~[0-9,]+ )?rows(?! changed)", result.Error);
        }
    }

    [Fact]
    public async Task FleetDeployStopsAfterAFailure_AndLeavesTheRestNotStarted()
    {
        await using var fleet = await FleetDatabases.CreateAsync(3);
        await fleet.Databases[0].ExecuteAsync($"CREATE TABLE widgets (id int); ALTER TABLE widgets OWNER TO {fleet.Role}");

        var result = BundleRun.Run(Basic, "deploy", "--targets", fleet.WriteTargets(), "--parallel", "1");

        Assert.Equal(ExitCodes.MigrationFailed, result.ExitCode);
        Assert.Contains("0 succeeded, 1 failed, 2 not started.", result.Output);
        Assert.Contains("not started: --on-failure stop after a failure", result.Output);
        Assert.Equal(0L, await fleet.Databases[2].ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'migrations_history'"));
    }

    [Fact]
    public async Task AFailingCanary_KeepsTheRestOfTheFleetUntouched()
    {
        await using var fleet = await FleetDatabases.CreateAsync(3);
        await fleet.Databases[0].ExecuteAsync($"CREATE TABLE widgets (id int); ALTER TABLE widgets OWNER TO {fleet.Role}");

        var result = BundleRun.Run(Basic, "deploy", "--targets", fleet.WriteTargets(), "--canary", "1", "--on-failure", "continue");

        Assert.Equal(ExitCodes.MigrationFailed, result.ExitCode);
        Assert.Contains("Canary: 1 target(s) first; the other 2 only if they all succeed.", result.All);
        Assert.Equal(2, CountOf(result.Output, "not started: a canary target failed"));
        Assert.Equal(0L, await fleet.Databases[1].ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'migrations_history'"));
    }

    [Fact]
    public async Task ARerunAfterAFailure_SkipsWhatTheJournalSaysFinishedAndDeploysTheRest()
    {
        await using var fleet = await FleetDatabases.CreateAsync(3);
        await fleet.Databases[2].ExecuteAsync($"CREATE TABLE widgets (id int); ALTER TABLE widgets OWNER TO {fleet.Role}");
        var targets = fleet.WriteTargets();
        var first = BundleRun.Run(Basic, "deploy", "--targets", targets, "--parallel", "1");
        Assert.Equal(ExitCodes.MigrationFailed, first.ExitCode);
        Assert.Contains($"Journal {targets}.journal kept", first.Output);
        var journal = File.ReadAllText(targets + ".journal");
        Assert.DoesNotContain(fleet.Password, journal);

        await fleet.Databases[2].ExecuteAsync("DROP TABLE widgets");
        // Finished targets are not even connected to: were they, these two would now fail.
        await SetConnectionsAllowedAsync(fleet, [0, 1], allowed: false);
        var second = BundleRun.Run(Basic, "deploy", "--targets", targets, "--json");
        await SetConnectionsAllowedAsync(fleet, [0, 1], allowed: true);

        Assert.True(second.ExitCode == ExitCodes.Success, second.All);
        using var document = JsonDocument.Parse(second.Output);
        var states = document.RootElement.GetProperty("targets").EnumerateArray().Select(target => target.GetProperty("state").GetString()).ToList();
        Assert.Equal(["skipped", "skipped", "succeeded"], states);
        Assert.True(document.RootElement.GetProperty("journalRemoved").GetBoolean());
        Assert.False(File.Exists(targets + ".journal"));
        Assert.Contains("resuming journal", second.Error);
        foreach (var database in fleet.Databases)
        {
            Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history WHERE state = 'applied'"));
        }
    }

    [Fact]
    public async Task AJournalOfOtherMigrations_IsNotResumed()
    {
        await using var fleet = await FleetDatabases.CreateAsync(1);
        var targets = fleet.WriteTargets();
        File.WriteAllLines(targets + ".journal",
        [
            """{"journal":"migrations-fleet-journal/1","verb":"deploy","bundle":"Migrations.Runtime.Tests","migrations":"sha256:0000","shard":"0/1","targets":"sha256:0000"}""",
            $$"""{"event":"finished","line":2,"target":"{{fleet.Address(fleet.Databases[0])}}","exitCode":0}""",
        ]);

        var result = BundleRun.Run(Basic, "deploy", "--targets", targets);

        Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        Assert.Contains("was written for other migrations (a different build of the bundle): starting over", result.All);
        Assert.Equal(3L, await fleet.Databases[0].ScalarAsync<long>("SELECT count(*) FROM migrations_history WHERE state = 'applied'"));
    }

    [Fact]
    public async Task ABadLine_IsAUsageErrorNamingTheLineAndNeverThePassword()
    {
        await using var fleet = await FleetDatabases.CreateAsync(1);
        var targets = fleet.WriteTargets(fleet.Url(fleet.Databases[0]), string.Empty, $"postgresql://{fleet.Role}:{fleet.Password}@localhost:5432/db?colour=blue");

        var result = BundleRun.Run(Basic, "deploy", "--targets", targets);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal($"error: {targets} line 3: The connection URL has an unknown parameter 'colour'. Supported: connection_limit, pool_timeout, connect_timeout, sslmode, schema, application_name, options, sslrootcert, sslcert, sslkey, pgbouncer.\n", result.Error);
        Assert.Equal(0L, await fleet.Databases[0].ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'migrations_history'"));
    }

    [Fact]
    public async Task TheSameTargetTwice_IsAUsageError()
    {
        await using var fleet = await FleetDatabases.CreateAsync(1);
        var targets = fleet.WriteTargets(fleet.Url(fleet.Databases[0]), "# again", fleet.Url(fleet.Databases[0]));

        var result = BundleRun.Run(Basic, "status", "--targets", targets);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains($"line 3: the same target as line 1 ({fleet.Address(fleet.Databases[0])}).", result.Error);
        Assert.DoesNotContain(fleet.Password, result.All);
    }

    [Fact]
    public async Task AShard_DeploysOnlyItsSliceOfTheTargets()
    {
        await using var fleet = await FleetDatabases.CreateAsync(4);

        var result = BundleRun.Run(Basic, "deploy", "--targets", fleet.WriteTargets(), "--shard", "1/2");

        Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        var deployed = new List<bool>();
        foreach (var database in fleet.Databases)
        {
            deployed.Add(await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'migrations_history'") == 1);
        }

        Assert.Equal([false, true, false, true], deployed);
        Assert.True(File.Exists(fleet.TargetsFile) && !File.Exists(fleet.TargetsFile + ".shard-1-of-2.journal"));
    }

    [Fact]
    public async Task FleetStatusWithExitCode_ReportsEachTargetAndExitsPendingWhenOneIsBehind()
    {
        await using var fleet = await FleetDatabases.CreateAsync(2);
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "deploy", "-c", fleet.Url(fleet.Databases[0])).ExitCode);

        var result = BundleRun.Run(Basic, "status", "--targets", fleet.WriteTargets(), "--exit-code", "--json");

        Assert.Equal(ExitCodes.PendingMigrations, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var targets = document.RootElement.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(["up to date", "pending"], targets.Select(target => target.GetProperty("result").GetString()));
        Assert.Equal([0, 3], targets.Select(target => target.GetProperty("pending").GetInt32()));
        Assert.Equal(3, targets[1].GetProperty("output").GetProperty("migrations").GetArrayLength());
        Assert.Equal(ExitCodes.PendingMigrations, document.RootElement.GetProperty("exitCode").GetInt32());
        Assert.DoesNotContain(fleet.Password, result.All);
    }

    [Fact]
    public async Task FleetDriftAndValidate_FindTheOneDatabaseThatDiffers()
    {
        // drift builds the expected schema in a temporary database: the server's superuser may create one.
        await using var first = await TestPostgres.CreateDatabaseAsync();
        await using var second = await TestPostgres.CreateDatabaseAsync();
        foreach (var database in new[] { first, second })
        {
            Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "deploy", "-c", database.Url).ExitCode);
        }

        await second.ExecuteAsync("ALTER TABLE widgets ADD COLUMN added_by_hand text");
        var targets = Path.Combine(Path.GetTempPath(), $"drift-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(targets, [first.Url, second.Url]);
        try
        {
            var drift = BundleRun.Run(Basic, "drift", "--targets", targets, "--parallel", "2");
            var validate = BundleRun.Run(Basic, "validate", "--targets", targets, "--json");

            Assert.Equal(ExitCodes.DriftFound, drift.ExitCode);
            Assert.Matches($@"\n1 +postgres@[^ ]+/{first.Name} +no drift +0 ", drift.Output);
            Assert.Matches($@"\n2 +postgres@[^ ]+/{second.Name} +drift \(exit 10\) +[1-9]", drift.Output);
            Assert.Equal(ExitCodes.Success, validate.ExitCode);
            using var document = JsonDocument.Parse(validate.Output);
            Assert.All(document.RootElement.GetProperty("targets").EnumerateArray(), target => Assert.Equal("valid", target.GetProperty("result").GetString()));
        }
        finally
        {
            File.Delete(targets);
        }
    }

    [Fact]
    public async Task TenantsInSchemasOfOneDatabase_AreEachDeployedCompleteAndApart()
    {
        // Needs issue 9's fix on main: a schema given in the connection is where every object of that deploy goes.
        await using var fleet = await FleetDatabases.CreateAsync(1);
        var database = fleet.Databases[0];
        var targets = fleet.WriteTargets(fleet.Url(database, "tenant_a"), fleet.Url(database, "tenant_b"));

        var result = BundleRun.Run(Basic, "deploy", "--targets", targets, "--parallel", "2");

        Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        foreach (var schema in new[] { "tenant_a", "tenant_b" })
        {
            Assert.Equal(3L, await database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.migrations_history WHERE state = 'applied'"));
            Assert.Equal(1L, await database.ScalarAsync<long>($"SELECT count(*) FROM pg_tables WHERE schemaname = '{schema}' AND tablename = 'widgets'"));
        }

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        Assert.Contains($"{fleet.Address(database)}?schema=tenant_b", result.Output);
    }

    [Fact]
    public void FleetOptionsWithoutTargets_AreAUsageError()
    {
        var result = BundleRun.Run(Basic, "deploy", "--parallel", "8", "-c", "postgresql://nobody@localhost:1/none");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("error: --parallel needs --targets FILE (it is about running on many databases).\n", result.Error);
    }

    private static async Task SetConnectionsAllowedAsync(FleetDatabases fleet, int[] indexes, bool allowed)
    {
        await using var server = new Npgsql.NpgsqlConnection(TestPostgres.ServerConnectionString);
        await server.OpenAsync();
        foreach (var index in indexes)
        {
            await using var command = new Npgsql.NpgsqlCommand($"ALTER DATABASE {fleet.Databases[index].Name} ALLOW_CONNECTIONS {allowed}", server);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
