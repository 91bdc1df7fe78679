using Migrations.Runtime.Discovery;
using Migrations.Runtime.Engine;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Postgres;
using Migrations.Runtime.Rendering;
using Migrations.Runtime.Schema;

namespace Migrations.Runtime.Testing;

/// <summary>
/// Proves one migration on the scratch database: seed the existing tables, run Up() while watching its locks and
/// the tables' storage files, then Down() (the schema must be as before) and Up() again (the same schema again).
/// </summary>
internal sealed class MigrationProbe(LiveSession session, MigrationRunner sequence, int rows, IProgressReporter progress, CancellationToken cancellationToken)
{
    private string Schema => session.Settings.Schema;

    public async Task<MigrationTestResult> RunAsync(MigrationDescriptor migration)
    {
        var rendered = sequence.Render(migration);
        var before = await SnapshotAsync();
        var seeded = await new TableSeeder(session.Connection, Schema, rows, progress).SeedEmptyTablesAsync(cancellationToken);
        var tablesBefore = await SchemaSnapshot.UserTablesAsync(session.Connection, Schema, cancellationToken);

        var (upMs, locks, failure) = await ObserveUpAsync(rendered, tablesBefore.Keys);
        var tablesAfter = await SchemaSnapshot.UserTablesAsync(session.Connection, Schema, cancellationToken);
        var observed = tablesBefore
            .Select(pair => Observe(pair.Key, pair.Value, locks, tablesAfter))
            .Where(table => table.StrongestLock is not null || table.Rewritten)
            .OrderBy(table => table.Table, StringComparer.Ordinal)
            .ToList();
        var predictions = PredictedEffect.For(rendered, Schema, before);
        var existing = tablesBefore.Values.Select(table => table.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var mismatches = failure is null ? PredictionCheck.Compare(predictions, observed, existing) : [];
        var result = new MigrationTestResult(migration.Version, migration.Name, migration.IsTransactional, upMs, seeded, observed, predictions, mismatches, RoundTripOutcome.Skipped, [], failure);
        if (failure is not null || rendered.DownProblem?.Kind == RenderProblemKind.ForwardOnly)
        {
            return result;
        }

        return await RoundTripAsync(result, rendered, before);
    }

    private async Task<(long UpMs, IReadOnlyDictionary<uint, (string Mode, long HeldMs)> Locks, string? Failure)> ObserveUpAsync(RenderedMigration rendered, IEnumerable<uint> tables)
    {
        await using var observer = await LockObserver.StartAsync(session.Settings.ConnectionString, session.Connection.ProcessID, tables, cancellationToken);
        session.Host.Processor.BeforeCommit = observer.CaptureBeforeCommit;
        try
        {
            var elapsed = await sequence.ApplyAsync(rendered, MigrationDirection.Up);
            return ((long)elapsed.TotalMilliseconds, await observer.StopAsync(), null);
        }
        catch (BundleFailure exception) when (exception.Kind != Outcome.Cancelled)
        {
            return (0, await observer.StopAsync(), exception.Message);
        }
        finally
        {
            session.Host.Processor.BeforeCommit = null;
        }
    }

    private async Task<MigrationTestResult> RoundTripAsync(MigrationTestResult result, RenderedMigration rendered, SchemaSnapshot before)
    {
        var afterUp = await SnapshotAsync();
        try
        {
            await sequence.ApplyAsync(rendered, MigrationDirection.Down);
        }
        catch (BundleFailure exception) when (exception.Kind != Outcome.Cancelled)
        {
            return result with { RoundTrip = RoundTripOutcome.Failed, Failure = "Down() failed: " + exception.Message };
        }

        var afterDown = await SnapshotAsync();
        var differences = before.CompareWith(afterDown);
        if (differences.Count > 0)
        {
            // The schema is not what the next migrations expect: stop here rather than report follow-on failures.
            return result with { RoundTrip = RoundTripOutcome.Failed, Differences = differences, Failure = $"Down() did not restore the schema: {differences[0]}" };
        }

        try
        {
            await sequence.ApplyAsync(rendered, MigrationDirection.Up);
        }
        catch (BundleFailure exception) when (exception.Kind != Outcome.Cancelled)
        {
            return result with { RoundTrip = RoundTripOutcome.Failed, Failure = "Up() after Down() failed: " + exception.Message };
        }

        differences = afterUp.CompareWith(await SnapshotAsync());
        return differences.Count > 0
            ? result with { RoundTrip = RoundTripOutcome.Failed, Differences = differences, Failure = $"Up() after Down() gave a different schema: {differences[0]}" }
            : result with { RoundTrip = RoundTripOutcome.Passed };
    }

    private static ObservedTable Observe(uint oid, (string Name, uint FileNode) before, IReadOnlyDictionary<uint, (string Mode, long HeldMs)> locks, IReadOnlyDictionary<uint, (string Name, uint FileNode)> after)
    {
        var rewritten = after.TryGetValue(oid, out var now) && now.FileNode != before.FileNode;
        return locks.TryGetValue(oid, out var held)
            ? new ObservedTable(before.Name, held.Mode, held.HeldMs, rewritten)
            : new ObservedTable(before.Name, null, 0, rewritten);
    }

    private Task<SchemaSnapshot> SnapshotAsync() => SchemaSnapshot.CaptureAsync(session.Connection, Schema, cancellationToken);
}
