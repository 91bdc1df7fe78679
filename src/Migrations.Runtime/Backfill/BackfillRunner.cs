using System.Diagnostics;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Rendering;
using Npgsql;

namespace Migrations.Runtime.Backfill;

/// <summary>
/// Runs one backfill: walks the key in ranges up to the key that was largest when it first started, one short
/// transaction per batch that changes the rows of its range and records the range as done, so the progress row and
/// the data can never disagree. Between batches it looks at the database's health and waits while it is poor.
/// </summary>
internal sealed class BackfillRunner(BackfillScope scope)
{
    public async Task RunAsync(BackfillDefinition definition)
    {
        var cancellationToken = scope.CancellationToken;
        definition.Validate();
        var ordinal = scope.NextOrdinal();
        var target = await BackfillTarget.ResolveAsync(scope.Connection, definition, cancellationToken);
        var progress = await StartOrResumeAsync(definition, target, ordinal);
        if (progress is null)
        {
            return;
        }

        scope.Current = progress;

        await AbortWhenTheClientDiesAsync();
        await using var health = new DatabaseHealth(scope.ConnectionString, target.Oid, target.Table, scope.Connection.ProcessID, scope.Limits);
        var batch = new BatchStatement(definition, target, scope.Store);
        var sizer = new BatchSizer(definition.InitialBatchSize, definition.MaximumBatchSize, definition.TargetBatchDuration);
        var pauses = new PauseClock(scope, target.Table);
        var run = Stopwatch.StartNew();
        var scannedThisRun = 0L;
        scope.Progress.Report(Event("backfill.started", target, progress, detail: progress.LastKey is null ? "from the start" : $"resuming after key {progress.LastKey}"));

        while (progress.LastKey != progress.EndKey)
        {
            if (await health.ReasonToPauseAsync(scope.Progress.Warn, cancellationToken) is { } reason)
            {
                await pauses.WaitAsync(reason, Event("backfill.paused", target, progress, detail: reason));
                continue;
            }

            var started = Stopwatch.StartNew();
            var outcome = await batch.RunAsync(scope, progress, sizer.Size, cancellationToken);
            var took = started.Elapsed;
            if (outcome.Contention is { } contention)
            {
                sizer.Contended();
                await pauses.WaitAsync(contention, Event("backfill.paused", target, progress, detail: contention));
                continue;
            }

            pauses.Resumed(Event("backfill.resumed", target, progress));
            if (outcome.Upper is null)
            {
                break;
            }

            progress = progress with
            {
                LastKey = outcome.Upper,
                RowsScanned = progress.RowsScanned + outcome.Scanned,
                RowsChanged = progress.RowsChanged + outcome.Changed,
                Batches = progress.Batches + 1,
            };
            scope.Current = progress;
            sizer.Completed((int)outcome.Scanned, took);
            scannedThisRun += outcome.Scanned;
            var rate = scannedThisRun / Math.Max(0.001, run.Elapsed.TotalSeconds - pauses.Total.TotalSeconds);
            var remaining = Math.Max(0, (progress.EstimatedRows ?? 0) - progress.RowsScanned);
            scope.Progress.Report(Event("backfill.progress", target, progress, rate, remaining > 0 ? TimeSpan.FromSeconds(remaining / rate) : null, batchSize: sizer.Size));
            if (definition.PauseAfter(took) is var pause && pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, cancellationToken);
            }
        }

        await scope.Store.FinishAsync(progress, cancellationToken);
        scope.Progress.Report(Event("backfill.finished", target, progress, detail: null, elapsed: run.Elapsed) with { Changed = progress.RowsChanged });
        scope.Progress.Info(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"    backfilled {target.Table}: {progress.RowsChanged:N0} rows changed of {progress.RowsScanned:N0} read, in {progress.Batches:N0} batches{pauses.Summary()}"));
    }

    /// <summary>
    /// A new backfill, the continuation of an interrupted one, or nothing to do (it finished in an earlier attempt of this
    /// run of the migration). A definition that changed since the interrupted attempt starts over: its progress is another's.
    /// </summary>
    private async Task<BackfillProgress?> StartOrResumeAsync(BackfillDefinition definition, BackfillTarget target, int ordinal)
    {
        var cancellationToken = scope.CancellationToken;
        var fingerprint = MigrationChecksum.Compute([definition.Statement(target.QuotedKey, "$1", "$2")]);
        await scope.Store.EnsureCreatedAsync(cancellationToken);
        var stored = await scope.Store.FindAsync(scope.Version, scope.Direction, ordinal, cancellationToken);
        if (stored is { IsFinished: true } && stored.Definition == fingerprint)
        {
            scope.Progress.Info($"    backfill of {target.Table} finished in an earlier attempt ({stored.Describe()}).");
            return null;
        }

        if (stored is not null && stored.Definition == fingerprint && stored.KeyColumn == target.KeyColumn)
        {
            return stored;
        }

        if (stored is not null)
        {
            scope.Progress.Warn($"{scope.Migration}: the backfill of {target.Table} changed since its interrupted run ({stored.Describe()}); starting it over.");
        }

        var fresh = new BackfillProgress(scope.Version, scope.Direction, ordinal, target.Table, target.KeyColumn, fingerprint, null, target.EndKey, 0, 0, 0, target.EstimatedRows, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null);
        await scope.Store.StartAsync(fresh, cancellationToken);
        return fresh;
    }

    /// <summary>
    /// A bundle killed mid-batch leaves its batch running on the server until the server next talks to the client;
    /// client_connection_check_interval (PostgreSQL 14+) makes the server notice within a second and roll the batch back,
    /// which also frees the deploy lock for the next run.
    /// </summary>
    private async Task AbortWhenTheClientDiesAsync()
    {
        if (scope.Connection.PostgreSqlVersion.Major >= 14)
        {
            await using var command = new NpgsqlCommand("SET client_connection_check_interval = '1s'", scope.Connection);
            await command.ExecuteNonQueryAsync(scope.CancellationToken);
        }
    }

    private OperationEvent Event(string name, BackfillTarget target, BackfillProgress progress, double? rate = null, TimeSpan? eta = null, string? detail = null, int? batchSize = null, TimeSpan? elapsed = null) =>
        new(name, scope.Migration, target.Table, progress.RowsScanned, progress.EstimatedRows is { } total ? Math.Max(total, progress.RowsScanned) : null, rate, eta, detail, progress.RowsChanged, batchSize, elapsed);
}
