using System.Text.RegularExpressions;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;
using Npgsql;

namespace Migrations.Runtime.Tests;

/// <summary>
/// restore is all or nothing: after it the database is exactly the archive's state, and after any failure exactly
/// what it was. Against the real server, with the objects and data a real incident has changed since the backup.
/// </summary>
public sealed class RestoreTests
{
    private const string Basic = "Migrations.Runtime.Tests.Fixtures.Basic";

    [Fact]
    public async Task RestoreForce_WhenATableCreatedSinceTheBackupReferencesARestoredOne_GivesExactlyTheBackup()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE TABLE a (id int PRIMARY KEY, v text); CREATE INDEX a_v ON a (v); INSERT INTO a SELECT g, 'x' FROM generate_series(1, 1000) g");
        await using var backup = await BackupFile.TakeAsync(database);
        await database.ExecuteAsync("CREATE TABLE b (a_id int REFERENCES a (id)); INSERT INTO b VALUES (1)");

        var restore = Restore(backup.Path, "-c", database.Url, "--force");

        Assert.True(restore.ExitCode == ExitCodes.Success, restore.All);
        Assert.Equal(1000L, await database.ScalarAsync<long>("SELECT count(*) FROM a"));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE tablename = 'a' AND indexname IN ('a_pkey', 'a_v')"));
        Assert.True(await database.ScalarAsync<bool>("SELECT to_regclass('public.b') IS NULL"));
        await using var kept = await KeptDatabaseAsync(restore, database);
        Assert.Contains("The database it replaced (2 tables, views or sequences) is kept as", restore.Output);
        Assert.Equal(1L, await kept.ScalarAsync<long>("SELECT count(*) FROM b"));
    }

    [Fact]
    public async Task RestoreForce_AfterRowsChangedAndDeleted_BringsBackTheBackupsRows()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url);
        await database.ExecuteAsync("INSERT INTO widgets (name, colour) SELECT 'w' || g, 'red' FROM generate_series(1, 100) g");
        await using var backup = await BackupFile.TakeAsync(database);
        await database.ExecuteAsync("UPDATE widgets SET colour = 'blue' WHERE id <= 50; DELETE FROM widgets WHERE id > 90; INSERT INTO widgets (name) VALUES ('late')");

        var restore = Restore(backup.Path, "-c", database.Url, "--force");

        Assert.True(restore.ExitCode == ExitCodes.Success, restore.All);
        await using var kept = await KeptDatabaseAsync(restore, database);
        Assert.Equal(100L, await database.ScalarAsync<long>("SELECT count(*) FROM widgets WHERE colour = 'red'"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM widgets WHERE name = 'late' OR colour = 'blue'"));
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "status", "--exit-code", "-c", database.Url).ExitCode);
    }

    [Fact]
    public async Task RestoreThatFailsHalfway_LeavesTheDatabaseExactlyAsItWas()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var role = database.Name + "_reader";
        await database.ExecuteAsync($"CREATE TABLE a (id int PRIMARY KEY, v text); CREATE INDEX a_v ON a (v); INSERT INTO a SELECT g, 'x' FROM generate_series(1, 1000) g; CREATE ROLE {role}; GRANT SELECT ON a TO {role}");
        await using var backup = await BackupFile.TakeAsync(database);
        // The archive now grants to a role that no longer exists: pg_restore stops at that GRANT, after the table and its rows.
        await database.ExecuteAsync($"REVOKE SELECT ON a FROM {role}; DROP ROLE {role}; CREATE TABLE b (a_id int REFERENCES a (id)); UPDATE a SET v = 'changed' WHERE id <= 10");

        var restore = Restore(backup.Path, "-c", database.Url, "--force");

        Assert.Equal(ExitCodes.ToolFailed, restore.ExitCode);
        Assert.Contains("Nothing was changed: ", restore.Error);
        Assert.Contains($"/{database.Name} is as it was.", restore.Error);
        // One error line and no stack trace (a warning about a shared server's leftovers may come before it).
        Assert.Single(restore.Error.Trim().Split('\n'), line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", restore.Error);
        Assert.Equal(10L, await database.ScalarAsync<long>("SELECT count(*) FROM a WHERE v = 'changed'"));
        Assert.Equal(1000L, await database.ScalarAsync<long>("SELECT count(*) FROM a"));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE tablename = 'a'"));
        Assert.True(await database.ScalarAsync<bool>("SELECT to_regclass('public.b') IS NOT NULL"));
        await AssertNoDatabaseLeftAsync(restore, database);
    }

    [Fact]
    public async Task RestoreCreateThatFails_CreatesNoDatabase()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var role = database.Name + "_gone";
        await database.ExecuteAsync($"CREATE TABLE a (id int PRIMARY KEY); CREATE ROLE {role}; GRANT SELECT ON a TO {role}");
        await using var backup = await BackupFile.TakeAsync(database);
        await database.ExecuteAsync($"REVOKE SELECT ON a FROM {role}; DROP ROLE {role}");
        var copy = database.Name + "_copy";

        var restore = Restore(backup.Path, "-c", ForDatabase(database, copy), "--create");

        Assert.Equal(ExitCodes.ToolFailed, restore.ExitCode);
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname = '{copy}'"));
        await AssertNoDatabaseLeftAsync(restore, database);
    }

    [Fact]
    public async Task RestoreForce_KeepsTheDatabasesOwnerGrantsSettingsCommentAndProtection()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var owner = database.Name + "_owner";
        var app = database.Name + "_app";
        await database.ExecuteAsync($"""
            CREATE ROLE {owner}; CREATE ROLE {app};
            ALTER DATABASE {database.Name} OWNER TO {owner};
            REVOKE ALL ON DATABASE {database.Name} FROM PUBLIC; GRANT CONNECT ON DATABASE {database.Name} TO {app};
            ALTER DATABASE {database.Name} SET work_mem = '8MB';
            ALTER DATABASE {database.Name} SET search_path = "$user", public, "Odd Schema";
            ALTER ROLE {app} IN DATABASE {database.Name} SET statement_timeout = '3s';
            ALTER DATABASE {database.Name} CONNECTION LIMIT 40;
            COMMENT ON DATABASE {database.Name} IS 'the shop''s orders';
            CREATE TABLE a (id int PRIMARY KEY);
            """);
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "protect", "-c", database.Url).ExitCode);
        var before = await DatabasePropertiesAsync(database);
        await using var backup = await BackupFile.TakeAsync(database);

        var restore = Restore(backup.Path, "-c", database.Url, "--force");

        Assert.True(restore.ExitCode == ExitCodes.Success, restore.All);
        await using var kept = await KeptDatabaseAsync(restore, database);
        Assert.Equal(before, await DatabasePropertiesAsync(database));
        Assert.Contains(owner, before);
        Assert.Contains("migrations_sdk.protected", before);
        await kept.DisposeAsync();
        await database.DisposeAsync();
        await OnServerAsync($"DROP ROLE {owner}; DROP ROLE {app}");
    }

    [Fact]
    public async Task RestoreForce_DisconnectsSessionsOnTheTargetAndSaysSo()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE TABLE a (id int PRIMARY KEY)");
        await using var backup = await BackupFile.TakeAsync(database);
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, ApplicationName = "the-app" };
        await using var application = new NpgsqlConnection(builder.ConnectionString);
        await application.OpenAsync();
        // The test's own pooled connections would be disconnected too: only the application's session stays.
        NpgsqlConnection.ClearAllPools();

        var restore = Restore(backup.Path, "-c", database.Url, "--force");

        Assert.True(restore.ExitCode == ExitCodes.Success, restore.All);
        await using var kept = await KeptDatabaseAsync(restore, database);
        Assert.True(restore.Output.Contains("1 session(s) connected to it were disconnected for the swap.", StringComparison.Ordinal), restore.All);
        await Assert.ThrowsAnyAsync<Exception>(async () => await new NpgsqlCommand("SELECT 1", application).ExecuteScalarAsync());
    }

    [Fact]
    public async Task RestoreIntoAnEmptyDatabase_ReplacesItWithoutKeepingACopy()
    {
        await using var source = await TestPostgres.CreateDatabaseAsync();
        await source.ExecuteAsync("CREATE TABLE a (id int PRIMARY KEY); INSERT INTO a VALUES (1), (2)");
        await using var backup = await BackupFile.TakeAsync(source);
        await using var empty = await TestPostgres.CreateDatabaseAsync();

        var restore = Restore(backup.Path, "-c", empty.Url);

        Assert.True(restore.ExitCode == ExitCodes.Success, restore.All);
        Assert.Contains("it replaced an empty database.", restore.Output);
        Assert.Equal(2L, await empty.ScalarAsync<long>("SELECT count(*) FROM a"));
        Assert.Equal(0L, await empty.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname LIKE '{empty.Name}\\_before\\_restore%'"));
    }

    [Fact]
    public async Task RestoreWithoutForce_RefusesADatabaseThatHoldsOnlyFunctions()
    {
        await using var source = await TestPostgres.CreateDatabaseAsync();
        await using var backup = await BackupFile.TakeAsync(source);
        await using var target = await TestPostgres.CreateDatabaseAsync();
        await target.ExecuteAsync("CREATE FUNCTION keep_me() RETURNS int LANGUAGE sql AS 'SELECT 1'");

        var restore = Restore(backup.Path, "-c", target.Url);

        Assert.Equal(ExitCodes.Refused, restore.ExitCode);
        Assert.Contains("is not empty (1 functions or procedures)", restore.Error);
        Assert.Equal(1, await target.ScalarAsync<int>("SELECT keep_me()"));
    }

    [Fact]
    public async Task RestoreByAnOwnerWithoutCreatedb_IsRefusedBeforeAnythingChanges()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var owner = database.Name + "_owner";
        await database.ExecuteAsync($"CREATE ROLE {owner} LOGIN PASSWORD 'secret-owner'; ALTER DATABASE {database.Name} OWNER TO {owner}; CREATE TABLE a (id int); ALTER TABLE a OWNER TO {owner}");
        await using var backup = await BackupFile.TakeAsync(database);
        var asOwner = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = owner, Password = "secret-owner" }.ConnectionString;

        var restore = Restore(backup.Path, "-c", asOwner, "--force");

        Assert.Equal(ExitCodes.Refused, restore.ExitCode);
        Assert.Contains("needs CREATEDB", restore.Error);
        Assert.Contains("Nothing was changed.", restore.Error);
        Assert.DoesNotContain("secret-owner", restore.All);
        Assert.DoesNotContain("migrations_restore_", restore.All);
        await database.DisposeAsync();
        await OnServerAsync($"DROP ROLE {owner}");
    }

    [Fact]
    public async Task RestoreCancelledWhilePgRestoreRuns_LeavesTheDatabaseAsItWasAndNoScratchDatabase()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await database.ExecuteAsync("CREATE TABLE big (id int PRIMARY KEY, payload text); INSERT INTO big SELECT g, repeat('x', 200) FROM generate_series(1, 300000) g");
        await using var backup = await BackupFile.TakeAsync(database);
        await database.ExecuteAsync("DELETE FROM big WHERE id > 10");
        using var cancel = new CancellationTokenSource();
        var application = "restore-cancel-" + Guid.NewGuid().ToString("N")[..8];
        var watcher = Task.Run(async () =>
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(30) && await database.ScalarAsync<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname LIKE 'migrations\\_restore\\_%' AND application_name = '{application}' AND state = 'active'") == 0)
            {
                await Task.Delay(20);
            }

            await cancel.CancelAsync();
        });

        var restore = await Task.Run(() => BundleRun.Run(Basic, cancel.Token, "restore", backup.Path, "-c", database.Url + "?application_name=" + application, "--force"));
        await watcher;

        Assert.Equal(ExitCodes.Cancelled, restore.ExitCode);
        Assert.Equal(10L, await database.ScalarAsync<long>("SELECT count(*) FROM big"));
        await AssertNoDatabaseLeftAsync(restore, database);
    }

    /// <summary>The new database a failed restore filled (named in its first line) is gone, and nothing was kept.</summary>
    private static async Task AssertNoDatabaseLeftAsync(BundleResult restore, TestDatabase database)
    {
        var scratch = Regex.Match(restore.All, @"into the new database (migrations_restore_\w+);").Groups[1].Value;
        Assert.StartsWith("migrations_restore_", scratch);
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname = '{scratch}' OR datname LIKE '{database.Name}\\_before\\_restore%'"));
    }

    /// <summary>The database a successful --force restore kept in place of the one it replaced, dropped when the test ends.</summary>
    private static async Task<TestDatabase> KeptDatabaseAsync(BundleResult restore, TestDatabase database)
    {
        var name = Regex.Match(restore.Output, @"is kept as '([^']+)'").Groups[1].Value;
        Assert.StartsWith(database.Name + "_before_restore_", name);
        Assert.Contains($"DROP DATABASE \"{name}\";", restore.Output);
        var kept = new TestDatabase(name, new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = name }.ConnectionString);
        Assert.Equal(1L, await database.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname = '{name}'"));
        return kept;
    }

    private static async Task<string> DatabasePropertiesAsync(TestDatabase database) => await database.ScalarAsync<string>($"""
        SELECT concat_ws(' | ', pg_get_userbyid(d.datdba), d.datconnlimit, shobj_description(d.oid, 'pg_database'),
               (SELECT string_agg(coalesce(pg_get_userbyid(nullif(a.grantee, 0)), 'PUBLIC') || ':' || a.privilege_type, ',' ORDER BY 1) FROM aclexplode(d.datacl) a),
               (SELECT string_agg(coalesce(pg_get_userbyid(nullif(s.setrole, 0)), '*') || ':' || array_to_string(s.setconfig, ';'), ',' ORDER BY 1) FROM pg_db_role_setting s WHERE s.setdatabase = d.oid),
               d.datcollate, pg_encoding_to_char(d.encoding))
        FROM pg_database d WHERE d.datname = '{database.Name}'
        """);

    /// <summary>A successful restore disconnects every session on the database, the pooled ones of this test process too.</summary>
    private static BundleResult Restore(params string[] arguments)
    {
        var result = BundleRun.Run(Basic, ["restore", .. arguments]);
        NpgsqlConnection.ClearAllPools();
        return result;
    }

    /// <summary>Roles are the server's, not a database's: they are dropped once the databases that use them are gone.</summary>
    private static async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string ForDatabase(TestDatabase database, string name) =>
        new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = name }.ConnectionString;

    /// <summary>A backup taken with the bundle's own verb into a temporary file, deleted with the test.</summary>
    private sealed class BackupFile : IAsyncDisposable
    {
        private BackupFile(string path) => Path = path;

        public string Path { get; }

        public static Task<BackupFile> TakeAsync(TestDatabase database)
        {
            var file = new BackupFile(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"restore-{Guid.NewGuid():N}.dump"));
            var backup = BundleRun.Run(Basic, "backup", "-c", database.Url, "-o", file.Path);
            Assert.True(backup.ExitCode == ExitCodes.Success, backup.All);
            return Task.FromResult(file);
        }

        public ValueTask DisposeAsync()
        {
            File.Delete(Path);
            return ValueTask.CompletedTask;
        }
    }
}
