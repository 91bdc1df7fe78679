using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>dev on a developer's own database: what changed since it was applied is rolled back and applied as the code now says.</summary>
public sealed class DevTests
{
    private const string Before = "Migrations.Runtime.Tests.Fixtures.DevLoop.Before";
    private const string Edited = "Migrations.Runtime.Tests.Fixtures.DevLoop.Edited";
    private const string Deleted = "Migrations.Runtime.Tests.Fixtures.DevLoop.Deleted";
    private const string Merged = "Migrations.Runtime.Tests.Fixtures.DevLoop.Merged";
    private const string FailingDown = "Migrations.Runtime.Tests.Fixtures.DevLoop.FailingDown";
    private const string ForwardOnly = "Migrations.Runtime.Tests.Fixtures.ForwardOnly";

    private const string History = "SELECT string_agg(version || ' ' || state, ', ' ORDER BY id) FROM migrations_history";

    [Fact]
    public async Task Dev_AfterAnAppliedMigrationWasEdited_RollsItBackWithWhatCameAfterAndAppliesTheCurrentCode()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Before, "deploy", "-c", database.Url).ExitCode);

        var dev = BundleRun.Run(Edited, "dev", "-c", database.Url);

        Assert.True(dev.ExitCode == ExitCodes.Success, dev.All);
        Assert.Contains("Rolled back 2 migration(s), newest first: 202501020000 AddNoteTitles (newer than 202501010000, which is re-applied), 202501010000 CreateNotes (edited since applied).", dev.Output);
        Assert.Contains("Deployed 2 migration(s)", dev.Output);
        Assert.Equal("id, body, pinned, title", await database.ScalarAsync<string>("SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'notes'"));
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Edited, "status", "-c", database.Url, "--exit-code").ExitCode);
        Assert.Equal("202501010000 applied, 202501020000 applied, 202501020000 rolled_back, 202501010000 rolled_back, 202501010000 applied, 202501020000 applied", await database.ScalarAsync<string>(History));
    }

    [Fact]
    public async Task Dev_WithNothingChanged_IsADeploy_ThatAppliesWhatIsPendingAndOtherwiseNothing()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var first = BundleRun.Run(Before, "dev", "-c", database.Url, "--json");
        Assert.True(first.ExitCode == ExitCodes.Success, first.All);
        using (var document = System.Text.Json.JsonDocument.Parse(first.Output))
        {
            Assert.Equal(0, document.RootElement.GetProperty("rolledBack").GetArrayLength());
            Assert.Equal([202501010000L, 202501020000L], document.RootElement.GetProperty("applied").EnumerateArray().Select(item => item.GetProperty("version").GetInt64()));
        }

        var again = BundleRun.Run(Before, "dev", "-c", database.Url);
        Assert.True(again.ExitCode == ExitCodes.Success, again.All);
        Assert.Equal("The database is up to date: nothing to deploy.", again.Output.Trim());
        Assert.Equal("202501010000 applied, 202501020000 applied", await database.ScalarAsync<string>(History));
    }

    [Fact]
    public async Task Dev_WithAnAppliedMigrationGoneFromTheCode_IsRefusedAndChangesNothing()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Before, "deploy", "-c", database.Url);

        var dev = BundleRun.Run(Deleted, "dev", "-c", database.Url);

        Assert.Equal(ExitCodes.Refused, dev.ExitCode);
        Assert.Equal("error: Migration 202501020000 AddNoteTitles is applied here but no longer in the code, so dev cannot run its Down(): restore it and run dev (which rolls it back once it changed), or leave it deleted and rebuild the database. Nothing was changed. To rebuild this database from the current code, run 'reset --force'.", dev.Error.Trim());
        Assert.Equal("202501010000 applied, 202501020000 applied", await database.ScalarAsync<string>(History));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes' AND column_name = 'title'"));
    }

    [Fact]
    public async Task Dev_AgainstAHostThatIsNotLocal_IsRefusedBeforeConnecting_AndAProtectedDatabaseToo()
    {
        var remote = BundleRun.Run(Before, "dev", "-c", "postgresql://app:s3cret@db.example.com:5432/shop");

        Assert.Equal(ExitCodes.Refused, remote.ExitCode);
        Assert.Equal("error: dev rolls back and re-applies migrations, and app@db.example.com:5432/shop is not on this machine: it runs only against localhost, a loopback address or a Unix socket. Pass --allow-remote if that server is a development database.", remote.Error.Trim());

        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Before, "protect", "-c", database.Url).ExitCode);
        var protectedDatabase = BundleRun.Run(Before, "dev", "-c", database.Url);
        Assert.Equal(ExitCodes.Refused, protectedDatabase.ExitCode);
        Assert.Contains("dev refuses it, as reset does", protectedDatabase.Error);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task Dev_ThatWouldRollBackAForwardOnlyMigration_IsRefusedAndChangesNothing()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(ForwardOnly, "deploy", "-c", database.Url);
        // What an edit of the applied forward-only migration looks like from the database.
        await database.ExecuteAsync("UPDATE migrations_history SET checksum = 'edited' WHERE version = 202403010000");
        var history = await database.ScalarAsync<string>(History);

        var dev = BundleRun.Run(ForwardOnly, "dev", "-c", database.Url);

        Assert.Equal(ExitCodes.Refused, dev.ExitCode);
        Assert.Equal("error: dev would roll back 202403020000 AddLedgerNote to re-apply from 202403010000, but it cannot: forward-only migration: its Down() throws NotImplementedException. Nothing was changed. To rebuild this database from the current code, run 'reset --force'.", dev.Error.Trim());
        Assert.Equal(history, await database.ScalarAsync<string>(History));
    }

    [Fact]
    public async Task Dev_WhoseDownFails_StopsThere_SayingWhatStaysApplied_AndResumesOnceFixed()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(FailingDown, "deploy", "-c", database.Url);
        await database.ExecuteAsync("UPDATE migrations_history SET checksum = 'edited' WHERE version = 202501010000");

        var dev = BundleRun.Run(FailingDown, "dev", "-c", database.Url);

        Assert.Equal(ExitCodes.MigrationFailed, dev.ExitCode);
        Assert.Contains("error: Rollback of 202501020000 AddNoteTitles failed (42703: column \"heading\" of relation \"notes\" does not exist)", dev.Error);
        Assert.Contains("Nothing was rolled back before it; it and every older migration stay applied, and dev goes on from there when run again.", dev.Error);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes' AND column_name = 'title'"));

        // The Down() fixed: the same command goes on from where the database stands.
        var fixedDown = BundleRun.Run(Edited, "dev", "-c", database.Url);
        Assert.True(fixedDown.ExitCode == ExitCodes.Success, fixedDown.All);
        Assert.Contains("Deployed 2 migration(s)", fixedDown.Output);
    }

    [Fact]
    public async Task Dev_AfterAMergeBroughtAnOlderMigration_RollsBackTheNewerOnesSoEveryMigrationRunsInTheCodesOrder()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Merged + ".Mine", "deploy", "-c", database.Url);

        var dev = BundleRun.Run(Merged, "dev", "-c", database.Url);

        Assert.True(dev.ExitCode == ExitCodes.Success, dev.All);
        Assert.Contains("Rolled back 1 migration(s), newest first: 202501030000 AddNotePins (newer than 202501020000, pending, which runs before it).", dev.Output);
        Assert.Equal("id, body, title, pinned", await database.ScalarAsync<string>("SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'notes'"));
    }
}
