using System.Text.RegularExpressions;
using Migrations.Runtime.Output;
using Migrations.Runtime.Postgres;
using Migrations.Runtime.Tests.Infrastructure;
using Npgsql;

namespace Migrations.Runtime.Tests;

/// <summary>
/// A real autovacuum to prevent wraparound, on a private cluster (it needs a one-second autovacuum_naptime): the table
/// is given a freeze age of 100,000 transactions, then that many are used up, which takes well under a second.
/// </summary>
public sealed class WraparoundVacuumTests
{
    private const string Backfills = "Migrations.Runtime.Tests.Fixtures.Backfills";

    /// <summary>
    /// An anti-wraparound vacuum is never cancelled for anyone's lock, and a backfill's dead rows give it more to do:
    /// the backfill waits until it is done. The vacuum here is slowed down (cost limit 1, 100ms delay) to last seconds,
    /// and freezes everything (freeze ages 0) so that it advances the table's frozen xid and does not start again.
    /// </summary>
    [Fact]
    public async Task AutovacuumPreventingWraparoundOnTheTable_PausesTheBackfillUntilItIsDone()
    {
        await using var cluster = PrivateCluster.Start(new QuietProgress(new ConsoleProgress(TextWriter.Null, TextWriter.Null)), CancellationToken.None);
        var url = $"postgresql://postgres@127.0.0.1:{cluster.Port}/postgres";
        Assert.Equal(0, BundleRun.Run(Backfills, "deploy", "-c", url, "--target", "202409010000").ExitCode);
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={cluster.Port};Username=postgres;Database=postgres;Pooling=false");
        await connection.OpenAsync();
        // The table is aged first, then autovacuum wakes every second: its first look at items is for wraparound, not
        // the ordinary vacuum the fresh rows would otherwise get first (which a backfill rightly does not wait for).
        await ExecuteAsync(connection, """
            ALTER TABLE items SET (autovacuum_freeze_max_age = 100000, autovacuum_freeze_min_age = 0, autovacuum_freeze_table_age = 0,
                                   autovacuum_vacuum_cost_limit = 1, autovacuum_vacuum_cost_delay = 100);
            CREATE PROCEDURE use_up_transaction_ids(n integer) LANGUAGE plpgsql AS $$
            BEGIN
                FOR i IN 1..n LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP;
            END $$;
            """);
        await ExecuteAsync(connection, "CALL use_up_transaction_ids(100000)");
        await ExecuteAsync(connection, "ALTER SYSTEM SET autovacuum_naptime = 1");
        await ExecuteAsync(connection, "SELECT pg_reload_conf()");
        await DatabaseWait.UntilAsync(connection.ConnectionString, """
            SELECT EXISTS (SELECT 1 FROM pg_stat_progress_vacuum p JOIN pg_stat_activity a USING (pid)
                           WHERE p.relid = 'items'::regclass AND a.query LIKE '%to prevent wraparound%')
            """, Task.Delay(TimeSpan.FromSeconds(60)));

        var deploy = BundleRun.Run(Backfills, "deploy", "-c", url);

        Assert.True(deploy.ExitCode == 0, deploy.All);
        Assert.True(Regex.IsMatch(deploy.Error, @"backfill paused on items: autovacuum \(pid \d+\) is vacuuming items to prevent transaction ID wraparound"), deploy.All);
        Assert.True(Regex.IsMatch(deploy.Error, @"backfill resumed on items: after [0-9.]+s"), deploy.All);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM items WHERE touched = 1", connection);
        Assert.Equal(3000L, (long)(await count.ExecuteScalarAsync())!);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
