using System.Text.Json;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Deploy;
using Migrations.Runtime.Engine;
using Migrations.Runtime.Schema;
using Migrations.Runtime.Tests.Infrastructure;
using Npgsql;

namespace Migrations.Runtime.Tests;

/// <summary>drift, backup, restore, seed, reset, protect and unprotect against the real PostgreSQL server.</summary>
public sealed class ProvingVerbsTests
{
    private const string Basic = "Migrations.Runtime.Tests.Fixtures.Basic";
    private const string Seeded = "Migrations.Runtime.Tests.Fixtures.Seeded";

    [Fact]
    public async Task Drift_FindsAHandMadeChangeButNotAPendingMigration()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url, "--target", "202401020000");

        var clean = BundleRun.Run(Basic, "drift", "-c", database.Url);
        Assert.True(clean.ExitCode == ExitCodes.Success, clean.All);
        Assert.Contains("No drift", clean.Output);
        Assert.Contains("1 pending migration(s) are not drift", clean.Output);

        await database.ExecuteAsync("ALTER TABLE widgets ADD COLUMN secret text; ALTER TABLE widgets ALTER COLUMN name DROP NOT NULL");
        var drifted = BundleRun.Run(Basic, "drift", "-c", database.Url, "--json");

        Assert.Equal(ExitCodes.DriftFound, drifted.ExitCode);
        using var document = JsonDocument.Parse(drifted.Output);
        var drift = document.RootElement.GetProperty("drift").EnumerateArray().ToList();
        Assert.Equal(2, drift.Count);
        Assert.Equal(("changed", "column public.widgets.name", "text not null", "text null"),
            (drift[0].GetProperty("kind").GetString(), drift[0].GetProperty("object").GetString(), drift[0].GetProperty("expected").GetString(), drift[0].GetProperty("actual").GetString()));
        Assert.Equal(("extra", "column public.widgets.secret"), (drift[1].GetProperty("kind").GetString(), drift[1].GetProperty("object").GetString()));
        var scratch = System.Text.RegularExpressions.Regex.Match(drifted.Error + drifted.Output, @"temporary database (migrations_drift_\w+)").Groups[1].Value;
        Assert.StartsWith("migrations_drift_", scratch);
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname = '{scratch}'"));
    }

    [Fact]
    public async Task Drift_SeesHandMadeFunctionsAndTriggers()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url);
        await database.ExecuteAsync("""
            CREATE FUNCTION touch_widget() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := upper(NEW.name); RETURN NEW; END $$;
            CREATE TRIGGER widgets_touch BEFORE INSERT ON widgets FOR EACH ROW EXECUTE FUNCTION touch_widget();
            """);

        var drifted = BundleRun.Run(Basic, "drift", "-c", database.Url);

        Assert.True(drifted.ExitCode == ExitCodes.DriftFound, drifted.All);
        Assert.Contains("extra    function public.touch_widget()", drifted.Output);
        Assert.Contains("database:   CREATE OR REPLACE FUNCTION public.touch_widget() … (", drifted.Output);
        Assert.Contains("extra    trigger public.widgets.widgets_touch", drifted.Output);
        Assert.Contains("database:   CREATE TRIGGER widgets_touch BEFORE INSERT ON public.widgets FOR EACH ROW EXECUTE FUNCTION touch_widget()", drifted.Output);
        Assert.DoesNotContain("extension plpgsql", drifted.Output);
    }

    [Fact]
    public void ChangedFunction_IsReportedAtItsFirstDifferingLine()
    {
        var difference = new SchemaDifference(SchemaDifferenceKind.Changed, "function public.f()", "CREATE FUNCTION f()\n BEGIN\n RETURN 1;\nEND", "CREATE FUNCTION f()\n BEGIN\n RETURN 2;\nEND");

        Assert.Equal("changed function public.f(): expected line 3: RETURN 1;, found line 3: RETURN 2;", difference.ToString());
    }

    [Fact]
    public async Task BackupThenRestoreIntoANewDatabase_ReproducesSchemaAndRows()
    {
        await using var source = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", source.Url);
        await source.ExecuteAsync("INSERT INTO widgets (name, colour) SELECT 'w' || g, 'red' FROM generate_series(1, 50) g");
        var file = Path.Combine(Path.GetTempPath(), $"backup-{Guid.NewGuid():N}.dump");
        var copy = new TestDatabase(source.Name + "_copy", new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = source.Name + "_copy" }.ConnectionString);
        await using var dropCopy = copy;
        try
        {
            var backup = BundleRun.Run(Basic, "backup", "-c", source.Url, "-o", file);
            Assert.True(backup.ExitCode == ExitCodes.Success, backup.All);
            Assert.Contains("verified with pg_restore --list", backup.Output);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            Assert.DoesNotContain("postgres:postgres", backup.All);

            var restore = BundleRun.Run(Basic, "restore", file, "-c", copy.Url, "--create");
            Assert.True(restore.ExitCode == ExitCodes.Success, restore.All);

            Assert.Equal(50L, await copy.ScalarAsync<long>("SELECT count(*) FROM widgets"));
            Assert.Empty((await SnapshotAsync(source)).CompareWith(await SnapshotAsync(copy)));
            Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "status", "--exit-code", "-c", copy.Url).ExitCode);

            var again = BundleRun.Run(Basic, "restore", file, "-c", copy.Url);
            Assert.Equal(ExitCodes.Refused, again.ExitCode);
            Assert.Contains("is not empty", again.Error);
            Assert.Contains("--force", again.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task RestoreIntoAMissingDatabase_PointsAtCreate()
    {
        await using var server = await TestPostgres.CreateDatabaseAsync();
        var file = Path.GetTempFileName();
        try
        {
            var missing = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = server.Name + "_missing" }.ConnectionString;
            var result = BundleRun.Run(Basic, "restore", file, "-c", missing);

            Assert.Equal(ExitCodes.CannotConnect, result.ExitCode);
            Assert.Contains($"Database '{server.Name}_missing' does not exist", result.Error);
            Assert.Contains("Add --create to restore into a new database of that name.", result.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task BackupToAPathThatCannotBeWritten_IsAOneLineUsageError()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var directory = Directory.CreateTempSubdirectory("backup-target-").FullName;
        try
        {
            var intoDirectory = BundleRun.Run(Basic, "backup", "-c", database.Url, "-o", directory);
            var underAFile = BundleRun.Run(Basic, "backup", "-c", database.Url, "-o", "/proc/version/x.dump");

            Assert.Equal((ExitCodes.UsageError, ExitCodes.UsageError), (intoDirectory.ExitCode, underAFile.ExitCode));
            Assert.Single(intoDirectory.Error.Trim().Split('\n'));
            Assert.EndsWith("Choose a path you can write to.", underAFile.Error.Trim());
            Assert.DoesNotContain("failed unexpectedly", intoDirectory.Error + underAFile.Error);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task BackupOfADatabaseNamedLikeAConnectionString_DumpsThatDatabase()
    {
        await using var server = await TestPostgres.CreateDatabaseAsync();
        var name = server.Name + "_dbname=postgres";
        await server.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        var file = Path.Combine(Path.GetTempPath(), $"backup-{Guid.NewGuid():N}.dump");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
            var result = BundleRun.Run(Basic, "backup", "-c", connection, "-o", file);

            Assert.True(result.ExitCode == ExitCodes.Success, result.All);
            Assert.Contains($"dbname: {name}\n", await ListArchiveAsync(file));
        }
        finally
        {
            File.Delete(file);
            NpgsqlConnection.ClearAllPools();
            await server.ExecuteAsync($"DROP DATABASE \"{name}\" WITH (FORCE)");
        }
    }

    [Fact]
    public async Task DeployWithBackup_TakesAVerifiedPrivateBackupBeforeApplyingAnything()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var result = BundleRun.Run(Basic, "deploy", "--backup", "-c", database.Url);

        var text = result.Output;
        Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        var file = System.Text.RegularExpressions.Regex.Match(text, @"Backed up to (\S+\.dump) \(").Groups[1].Value;
        try
        {
            Assert.True(File.Exists(file), text);
            Assert.Matches($"{database.Name}_\\d{{8}}-\\d{{6}}\\.dump$", file);
            // Production rows never land in the project (the current directory) or any git work tree by default.
            Assert.False(file.StartsWith(Environment.CurrentDirectory, StringComparison.Ordinal), file);
            Assert.Null(Migrations.Runtime.Backup.BackupLocation.GitWorkTreeOf(Path.GetDirectoryName(file)!));
            Assert.True(text.IndexOf("Backed up to", StringComparison.Ordinal) < text.IndexOf("Deploying 3 migration(s)", StringComparison.Ordinal), text);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
        finally
        {
            File.Delete(file);
            var backups = Path.GetDirectoryName(file);
            if (backups is not null && Directory.Exists(backups) && !Directory.EnumerateFileSystemEntries(backups).Any())
            {
                Directory.Delete(backups);
            }
        }
    }

    [Fact]
    public async Task Seed_RunsTheSeedProfileAndCanRunAgain()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Seeded, "deploy", "-c", database.Url);

        var first = BundleRun.Run(Seeded, "seed", "-c", database.Url);
        var second = BundleRun.Run(Seeded, "seed", "-c", database.Url, "--json");

        Assert.True(first.ExitCode == ExitCodes.Success, first.All);
        Assert.Contains("ran 1 class(es) of profile 'seed'", first.Output);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM colours"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history"));
        Assert.Equal(ExitCodes.UsageError, BundleRun.Run(Seeded, "seed", "-c", database.Url, "--profile", "demo").ExitCode);
    }

    [Fact]
    public async Task Reset_RefusesWithoutForce()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Seeded, "deploy", "-c", database.Url);
        await database.ExecuteAsync("INSERT INTO colours (name) VALUES ('keep me')");

        var result = BundleRun.Run(Seeded, "reset", "-c", database.Url);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("Pass --force", result.Error);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM colours WHERE name = 'keep me'"));
    }

    [Fact]
    public async Task Reset_RefusesAProtectedDatabaseWhileDeployKeepsWorking()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Seeded, "protect", "-c", database.Url).ExitCode);
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Seeded, "deploy", "-c", database.Url).ExitCode);
        await database.ExecuteAsync("INSERT INTO colours (name) VALUES ('keep me')");

        var refused = BundleRun.Run(Seeded, "reset", "--force", "-c", database.Url);

        Assert.Equal(ExitCodes.Refused, refused.ExitCode);
        Assert.Contains("is protected", refused.Error);
        Assert.Contains("unprotect", refused.Error);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM colours WHERE name = 'keep me'"));

        Assert.Equal(ExitCodes.Success, BundleRun.Run(Seeded, "unprotect", "-c", database.Url).ExitCode);
        var reset = BundleRun.Run(Seeded, "reset", "--force", "-c", database.Url);
        Assert.True(reset.ExitCode == ExitCodes.Success, reset.All);
        Assert.Contains("applied 1 migration(s), seeded with 1 class(es) of profile 'seed'", reset.Output);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM colours WHERE name = 'keep me'"));
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM colours"));
    }

    [Fact]
    public async Task ProtectTwice_KeepsTheFirstMarkAndSaysAlready()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var first = BundleRun.Run(Seeded, "protect", "-c", database.Url);
        var second = BundleRun.Run(Seeded, "protect", "-c", database.Url);

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (first.ExitCode, second.ExitCode));
        Assert.Contains(" is protected (by ", first.Output);
        Assert.Contains(" is already protected (by ", second.Output);
        Assert.Equal(first.Output[first.Output.IndexOf("(by ", StringComparison.Ordinal)..], second.Output[second.Output.IndexOf("(by ", StringComparison.Ordinal)..]);
        Assert.Contains(" is unprotected:", BundleRun.Run(Seeded, "unprotect", "-c", database.Url).Output);
        Assert.Contains(" is already unprotected:", BundleRun.Run(Seeded, "unprotect", "-c", database.Url).Output);
    }

    [Fact]
    public async Task ResetOfTheSample_AppliesEveryMigrationAndSeedsTheDemoData()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var reset = BundleRun.Run("VideoDubbing.Migrations.Migrations", "reset", "--force", "-c", database.Url, "--json");
        var seedAgain = BundleRun.Run("VideoDubbing.Migrations.Migrations", "seed", "-c", database.Url);

        Assert.True(reset.ExitCode == ExitCodes.Success, reset.All);
        Assert.True(seedAgain.ExitCode == ExitCodes.Success, seedAgain.All);
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM users"));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM user_preferences"));
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM jobs"));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM glossary"));
        Assert.Equal(9L, await database.ScalarAsync<long>("SELECT count(*) FROM \"VersionInfo\""));
    }

    /// <summary>pg_restore --list of an archive: its header names the database it was dumped from.</summary>
    private static async Task<string> ListArchiveAsync(string file)
    {
        var program = Directory.GetFiles("/usr/lib/postgresql", "pg_restore", SearchOption.AllDirectories).OrderDescending().FirstOrDefault() ?? "pg_restore";
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program, ["--list", file]) { RedirectStandardOutput = true })!;
        var listing = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return listing;
    }

    private static async Task<SchemaSnapshot> SnapshotAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return await SchemaSnapshot.CaptureAsync(connection, "public", CancellationToken.None);
    }
}
