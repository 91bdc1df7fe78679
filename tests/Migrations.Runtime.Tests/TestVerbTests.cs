using System.Text.Json;
using System.Text.RegularExpressions;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;
using Npgsql;

namespace Migrations.Runtime.Tests;

/// <summary>test: round trip and observed safety on a temporary database of the real PostgreSQL server.</summary>
public sealed partial class TestVerbTests
{
    private const string Basic = "Migrations.Runtime.Tests.Fixtures.Basic";
    private const string BrokenDown = "Migrations.Runtime.Tests.Fixtures.BrokenDown";
    private const string Observed = "Migrations.Runtime.Tests.Fixtures.Observed";

    [Fact]
    public async Task Test_PassesTheRoundTripOfEveryMigrationAndDropsItsTemporaryDatabase()
    {
        var result = BundleRun.Run(Basic, "test", "-c", TestPostgres.ServerConnectionString, "--rows", "200");

        Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        Assert.Contains("All 3 migration(s) passed the round trip", result.Output);
        Assert.Contains("202401020000 AddWidgetColour: up", result.Output);
        Assert.Contains("public.widgets: ACCESS EXCLUSIVE held", result.Output);
        var temporary = TemporaryDatabase.Match(result.Output).Groups[1].Value;
        Assert.StartsWith("migrations_test_", temporary);
        Assert.False(await DatabaseExistsAsync(temporary), $"{temporary} was left behind");
    }

    [Fact]
    public void Test_PassesOnTheSampleWithEveryObservationMatchingTheRules()
    {
        var result = BundleRun.Run("VideoDubbing.Migrations.Migrations", "test", "-c", TestPostgres.ServerConnectionString, "--rows", "200");

        Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        Assert.Contains("All 9 migration(s) passed the round trip and matched the rules' predictions", result.Output);
        Assert.Contains("20241103000100 IndexGlossaryTerms (no transaction): up", result.Output);
        Assert.Contains("public.projects: ACCESS EXCLUSIVE held", result.Output);
    }

    [Fact]
    public void Test_CatchesADownThatLeavesAColumnBehind()
    {
        var result = BundleRun.Run(BrokenDown, "test", "-c", TestPostgres.ServerConnectionString, "--rows", "200", "--json");

        Assert.Equal(ExitCodes.TestFailed, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var migrations = document.RootElement.GetProperty("migrations").EnumerateArray().ToList();
        Assert.Equal("passed", migrations[0].GetProperty("roundTrip").GetString());
        var broken = migrations[1];
        Assert.Equal("failed", broken.GetProperty("roundTrip").GetString());
        var difference = Assert.Single(broken.GetProperty("differences").EnumerateArray());
        Assert.Equal("extra", difference.GetProperty("kind").GetString());
        Assert.Equal("column public.notes.author", difference.GetProperty("object").GetString());
        Assert.Equal("character varying(100) null", difference.GetProperty("actual").GetString());
        Assert.Contains("Down() did not restore the schema: extra column public.notes.author", broken.GetProperty("failure").GetString());
    }

    [Fact]
    public async Task Test_ListsTemporaryDatabasesThatKilledRunsLeftBehind()
    {
        var old = "migrations_test_20200101000000_" + Guid.NewGuid().ToString("N")[..8];
        var recent = $"migrations_test_{DateTime.UtcNow:yyyyMMddHHmmss}_" + Guid.NewGuid().ToString("N")[..8];
        await using var oldDatabase = await TestPostgres.CreateDatabaseAsync(old);
        await using var recentDatabase = await TestPostgres.CreateDatabaseAsync(recent);

        var result = BundleRun.Run(Basic, "test", "-c", TestPostgres.ServerConnectionString, "--rows", "10");

        Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        Assert.Contains($"were left by earlier test, drift or restore runs that were killed: {old}", result.Error);
        Assert.Contains($"DROP DATABASE \"{old}\";", result.Error);
        Assert.DoesNotContain(recent, result.Error);
        Assert.True(await DatabaseExistsAsync(old), "a leftover is listed, never dropped unasked");
    }

    [Fact]
    public void Test_CatchesADownThatLeavesAFunctionBehind()
    {
        var result = BundleRun.Run("Migrations.Runtime.Tests.Fixtures.ForgottenFunction", "test", "-c", TestPostgres.ServerConnectionString, "--rows", "10");

        Assert.True(result.ExitCode == ExitCodes.TestFailed, result.All);
        Assert.Contains("Down() did not restore the schema: extra function public.notes_touch()", result.Output + result.Error);
    }

    [Fact]
    public void Test_ObservesThePlainIndexHoldingShareAndTheTypeChangeRewritingAsTheRulesPredict()
    {
        var result = BundleRun.Run(Observed, "test", "-c", TestPostgres.ServerConnectionString, "--rows", "200", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        using var document = JsonDocument.Parse(result.Output);
        var migrations = document.RootElement.GetProperty("migrations").EnumerateArray().ToList();

        var index = migrations[1];
        Assert.Equal(200, index.GetProperty("seededRows").GetProperty("public.orders").GetInt32());
        var indexLock = Assert.Single(index.GetProperty("locks").EnumerateArray());
        Assert.Equal("SHARE", indexLock.GetProperty("mode").GetString());
        Assert.False(indexLock.GetProperty("rewritten").GetBoolean());
        var indexPrediction = Assert.Single(index.GetProperty("predictions").EnumerateArray());
        Assert.Equal("PGM001", indexPrediction.GetProperty("ruleId").GetString());
        Assert.Equal("SHARE", indexPrediction.GetProperty("minimumLock").GetString());
        Assert.Empty(index.GetProperty("mismatches").EnumerateArray());

        var widen = migrations[2];
        var widenLock = Assert.Single(widen.GetProperty("locks").EnumerateArray());
        Assert.Equal("ACCESS EXCLUSIVE", widenLock.GetProperty("mode").GetString());
        Assert.True(widenLock.GetProperty("rewritten").GetBoolean());
        Assert.Contains(widen.GetProperty("predictions").EnumerateArray(), prediction => prediction.GetProperty("ruleId").GetString() == "PGM009" && prediction.GetProperty("rewrite").GetBoolean());
        Assert.Empty(widen.GetProperty("mismatches").EnumerateArray());
    }

    /// <summary>Other tests run in parallel: check the database this run names, not all temporary databases.</summary>
    internal static async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", connection);
        command.Parameters.AddWithValue("name", name);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"in temporary database (\S+) on ")]
    internal static partial Regex TemporaryDatabasePattern();

    private static Regex TemporaryDatabase => TemporaryDatabasePattern();
}
