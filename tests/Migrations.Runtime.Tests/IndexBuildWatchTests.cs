using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;
using Npgsql;

namespace Migrations.Runtime.Tests;

/// <summary>A concurrent index build held up by an old transaction: named while it waits, bounded, INVALID and rebuilt afterwards.</summary>
public sealed class IndexBuildWatchTests
{
    private const string WatchedIndex = "Migrations.Runtime.Tests.Fixtures.WatchedIndex";

    [Fact]
    public async Task BuildWaitingForAnOldTransaction_NamesItGivesUpAtTheLimitAndTheNextDeployRebuildsTheIndex()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(0, BundleRun.Run(WatchedIndex, "deploy", "-c", database.Url, "--target", "202410010000").ExitCode);
        // A writer that stays open: CREATE INDEX CONCURRENTLY waits for it before it builds.
        await using var writer = new NpgsqlConnection(database.ConnectionString + ";Pooling=false;Application Name=billing-worker");
        await writer.OpenAsync();
        await using (var write = new NpgsqlCommand("BEGIN; UPDATE parcels SET code = code WHERE id = 1", writer))
        {
            await write.ExecuteNonQueryAsync();
        }

        var stuck = BundleRun.Run(WatchedIndex, "deploy", "-c", database.Url, "--index-wait-limit", "2s");

        Assert.True(stuck.ExitCode == ExitCodes.GaveUpWaiting, stuck.All);
        Assert.Contains($"index build waiting: ix_parcels_code: waiting for writers before build: transaction of pid {writer.ProcessID} (billing-worker, idle in transaction, for ", stuck.Error);
        Assert.Matches($@"error: The concurrent build of ix_parcels_code waited [0-9.]+s in all and gave up \(--index-wait-limit 2\.0s\): waiting for writers before build: transaction of pid {writer.ProcessID} \(billing-worker, idle in transaction, for \d+s: UPDATE parcels SET code = code WHERE id = 1\) is older than the build and still open\. It was cancelled and the index is left INVALID", stuck.Error);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_index WHERE NOT indisvalid AND indexrelid = 'ix_parcels_code'::regclass"));

        await using (var commit = new NpgsqlCommand("COMMIT", writer))
        {
            await commit.ExecuteNonQueryAsync();
        }

        var next = BundleRun.Run(WatchedIndex, "deploy", "-c", database.Url);
        Assert.True(next.ExitCode == 0, next.All);
        Assert.Contains("dropping INVALID index", next.Error);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_index WHERE indisvalid AND indexrelid = 'ix_parcels_code'::regclass"));
    }
}
