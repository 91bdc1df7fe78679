using System.Diagnostics;
using Migrations.Sdk.Tests.Infrastructure;
using Npgsql;

namespace Migrations.Sdk.Tests;

/// <summary>
/// A restore killed at any moment leaves either the database it started from or the archive's state, nothing in
/// between: the real bundle process, SIGKILLed while pg_restore runs (alone, or with pg_restore), then restored again.
/// </summary>
[Collection(StandardBundleCollection.Name)]
public sealed class RestoreKillTests(StandardBundle bundle)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RestoreKilledWhilePgRestoreRuns_LeavesTheDatabaseAsItWas_AndTheNextRestoreCompletes(bool killPgRestoreToo)
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE TABLE big (id int PRIMARY KEY, payload text); CREATE INDEX big_payload ON big (payload); INSERT INTO big SELECT g, md5(g::text) FROM generate_series(1, 600000) g");
        var archive = Path.Combine(Path.GetTempPath(), $"restore-kill-{Guid.NewGuid():N}.dump");
        try
        {
            var backup = await bundle.Project.RunBundleAsync(database.Url, "backup", "-o", archive);
            Assert.True(backup.ExitCode == 0, backup.All);
            await database.ExecuteAsync("CREATE TABLE late (big_id int REFERENCES big (id)); INSERT INTO late VALUES (1); DELETE FROM big WHERE id > 100");
            var application = "restore-kill-" + Guid.NewGuid().ToString("N")[..8];

            using (var restorer = ProcessRunner.Start(bundle.Project.Bundle(), ["restore", archive, "--force"], bundle.Project.ProjectDirectory,
                new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url + "?application_name=" + application }))
            {
                var scratch = await WaitForRestoreIntoScratchAsync(database, application);
                restorer.Kill(entireProcessTree: killPgRestoreToo);
                await restorer.WaitForExitAsync();
                await WaitUntilNobodyIsConnectedAsync(database, scratch);
                await AssertAsItWasAsync(database);
                await database.ExecuteAsync($"DROP DATABASE IF EXISTS \"{scratch}\"");
            }

            var again = await bundle.Project.RunBundleAsync(database.Url, "restore", archive, "--force");
            Assert.True(again.ExitCode == 0, again.All);
            // The swap disconnected every session on the database, this test's pooled ones too.
            NpgsqlConnection.ClearAllPools();
            Assert.Equal(600000L, await database.ScalarAsync<long>("SELECT count(*) FROM big"));
            Assert.True(await database.ScalarAsync<bool>("SELECT to_regclass('public.late') IS NULL AND to_regclass('public.big_payload') IS NOT NULL"));
            var kept = System.Text.RegularExpressions.Regex.Match(again.Output, @"is kept as '([^']+)'").Groups[1].Value;
            Assert.StartsWith(database.Name + "_before_restore_", kept);
            await database.ExecuteAsync($"DROP DATABASE \"{kept}\"");
        }
        finally
        {
            File.Delete(archive);
        }
    }

    private static async Task AssertAsItWasAsync(TestDatabase database)
    {
        Assert.Equal(100L, await database.ScalarAsync<long>("SELECT count(*) FROM big"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM late"));
        Assert.True(await database.ScalarAsync<bool>("SELECT to_regclass('public.big_payload') IS NOT NULL"));
    }

    /// <summary>
    /// The scratch database pg_restore is writing into for this restore (its session carries our application name).
    /// Asked on the server's maintenance database: the swap at the end of a restore ends every session on the target,
    /// so a poll connected there died with 57P01 when the restore won the race. A session in any state counts.
    /// </summary>
    private static async Task<string> WaitForRestoreIntoScratchAsync(TestDatabase database, string application)
    {
        await using var server = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await server.OpenAsync();
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await using var look = new NpgsqlCommand($"""
                SELECT coalesce(max(datname), ''),
                       EXISTS (SELECT FROM pg_database WHERE datname LIKE '{database.Name}\_before\_restore\_%')
                FROM pg_stat_activity WHERE application_name = '{application}' AND datname LIKE 'migrations\_restore\_%'
                """, server);
            await using var reader = await look.ExecuteReaderAsync();
            await reader.ReadAsync();
            if (reader.GetString(0) is { Length: > 0 } name)
            {
                return name;
            }

            if (reader.GetBoolean(1))
            {
                throw new InvalidOperationException("The restore finished before the test saw pg_restore at work: the table is too small for this machine.");
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("pg_restore never started writing into a scratch database.");
    }

    /// <summary>A pg_restore that outlived the killed bundle finishes on its own; only its scratch database sees it.</summary>
    private static async Task WaitUntilNobodyIsConnectedAsync(TestDatabase database, string scratch)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(120) && await database.ScalarAsync<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname = '{scratch}'") > 0)
        {
            await Task.Delay(100);
        }
    }
}
