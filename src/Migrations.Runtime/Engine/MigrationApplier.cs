using System.Diagnostics;
using Migrations.Runtime.Discovery;
using Migrations.Runtime.History;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Rendering;
using Migrations.Safety.Sql;
using Npgsql;

namespace Migrations.Runtime.Engine;

/// <summary>
/// Runs one migration, Up or Down, and records it. A transactional migration runs with its history record in one
/// transaction and is retried on lock timeouts. A non-transactional one records its start first, so an interrupted
/// run stays visible, and cleans up the INVALID index a failed concurrent build left before running again.
/// </summary>
internal sealed class MigrationApplier(LiveSession session, DeployTimeouts timeouts, RetryPolicy retries, IProgressReporter progress, CancellationToken cancellationToken)
{
    /// <summary>The blockers last seen in any attempt: a final attempt can fail before its own observation runs.</summary>
    private IReadOnlyList<BlockingSession> _lastBlockers = [];

    /// <summary>When backfills pause and index builds give up (deploy's health options).</summary>
    public Backfill.HealthLimits Limits { get; init; } = Backfill.HealthLimits.Default;

    /// <param name="resumesEarlierAttempt">The history shows an unfinished earlier run of this migration (failed or interrupted).</param>
    public async Task<TimeSpan> ApplyAsync(RenderedMigration rendered, MigrationDirection direction, BlockerMonitor monitor, bool resumesEarlierAttempt = false)
    {
        var migration = rendered.Migration;
        await monitor.WarmUpAsync(cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        if (migration.IsTransactional)
        {
            await ApplyInTransactionAsync(rendered, direction, monitor, stopwatch);
        }
        else
        {
            await ApplyWithoutTransactionAsync(rendered, direction, monitor, stopwatch, resumesEarlierAttempt);
        }

        return stopwatch.Elapsed;
    }

    private async Task ApplyInTransactionAsync(RenderedMigration rendered, MigrationDirection direction, BlockerMonitor monitor, Stopwatch stopwatch)
    {
        var migration = rendered.Migration;
        for (var attempt = 1; ; attempt++)
        {
            var sink = new ExecutingSink(session.Host.Processor, timeouts, monitor, progress, cancellationToken);
            var started = DateTimeOffset.UtcNow;
            session.Host.Processor.BeginTransaction();
            try
            {
                Run(rendered, direction, sink);
                await session.History.RecordAsync(Completed(rendered, direction, started, stopwatch), cancellationToken, session.Host.Processor.CurrentTransaction);
                session.Host.Processor.CommitTransaction();
                return;
            }
            catch (Exception exception)
            {
                RollbackQuietly();
                var postgres = FindPostgres(exception);
                if (postgres?.SqlState != PostgresErrorCodes.LockNotAvailable)
                {
                    throw Failure(migration, direction, exception, "nothing of it was applied");
                }

                var blockers = await BlockersAsync(sink, monitor);
                if (attempt >= retries.Attempts)
                {
                    throw new BundleFailure(Outcome.LockTimeout, $"Migration {migration.DisplayName} could not get its lock within {timeouts.LockTimeout.TotalSeconds:0.#}s after {attempt} attempts; {blockers}. Nothing of it was applied. Retry when the blocking work is done, or raise --lock-timeout.", exception);
                }

                var delay = retries.DelayBefore(attempt + 1);
                progress.Warn($"{migration.DisplayName}: lock timeout (attempt {attempt} of {retries.Attempts}); {blockers}. Rolled back; retrying in {delay.TotalSeconds:0.0}s.");
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private async Task ApplyWithoutTransactionAsync(RenderedMigration rendered, MigrationDirection direction, BlockerMonitor monitor, Stopwatch stopwatch, bool resumesEarlierAttempt)
    {
        var migration = rendered.Migration;
        var started = DateTimeOffset.UtcNow;
        var sink = new ExecutingSink(session.Host.Processor, timeouts, monitor, progress, cancellationToken)
        {
            Backfills = new Backfill.BackfillScope(migration.DisplayName, migration.Version, direction, session.Connection,
                new Backfill.BackfillProgressStore(session.Connection, session.History.BackfillTable), session.Settings.ConnectionString, Limits, monitor, progress, cancellationToken),
        };
        if (direction == MigrationDirection.Up)
        {
            sink.AlreadyBuilt = await new EarlierIndexBuilds(session.Connection, timeouts, progress, cancellationToken).ReconcileAsync(rendered, resumesEarlierAttempt);
            await session.History.RecordAsync(new HistoryRecord(migration.Version, migration.Name, rendered.Checksum, MigrationState.Running, started), cancellationToken);
        }

        try
        {
            Run(rendered, direction, sink);
        }
        catch (Exception exception)
        {
            var detail = MessageText.FirstLine(FindPostgres(exception)?.MessageText ?? exception.Message);
            if (direction == MigrationDirection.Up)
            {
                await RecordFailureAsync(new HistoryRecord(migration.Version, migration.Name, rendered.Checksum, MigrationState.Failed, started, DateTimeOffset.UtcNow, stopwatch.ElapsedMilliseconds, detail));
            }

            var failure = Failure(migration, direction, exception, WhatStaysApplied(sink, (direction == MigrationDirection.Up ? rendered.Up : rendered.Down).Count(IsStatement)));
            throw FindPostgres(exception)?.SqlState == PostgresErrorCodes.LockNotAvailable
                ? new BundleFailure(Outcome.LockTimeout, failure.Message + $"; {await BlockersAsync(sink, monitor)}", exception)
                : failure;
        }
        finally
        {
            await ResetSessionTimeoutsQuietlyAsync();
        }

        var completed = Completed(rendered, direction, started, stopwatch);
        await (rendered.HasBackfills ? sink.Backfills.Store.RecordAsync(session.History, completed, cancellationToken) : session.History.RecordAsync(completed, cancellationToken));
    }

    /// <summary>
    /// When the connection itself died (server restart, network), the failure cannot be written; the "running" record
    /// written before the first statement already tells the next deploy and status that this run did not finish.
    /// </summary>
    private async Task RecordFailureAsync(HistoryRecord record)
    {
        try
        {
            await session.History.RecordAsync(record, CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            progress.Warn($"{record.Version} {record.Name}: could not record the failure ({MessageText.FirstLine(exception.Message)}); it stays recorded as started, and the next deploy runs it again.");
        }
    }

    /// <summary>
    /// What a non-transactional migration that stopped halfway left behind, as it really is: the statements that
    /// completed, and whether the one that stopped had committed part of its work (a DO block or procedure commits as
    /// it goes) or was rolled back.
    /// </summary>
    private string WhatStaysApplied(ExecutingSink sink, int total)
    {
        var stopped = sink.CurrentStatement is { } statement ? " (" + MessageText.Excerpt(statement, 60) + ")" : string.Empty;
        var last = cancellationToken.IsCancellationRequested ? "was cancelled" : "failed";
        var fate = sink.CurrentStatementIsBackfill ? BackfillFate(sink.Backfills?.Current)
            : !sink.CurrentStatementCommitsAsItGoes ? "was rolled back"
            : sink.CurrentStatementCommittedPart ? "had already committed part of its work, which stays applied too"
            : "may have committed part of its work (it can COMMIT as it goes)";
        return $"{sink.Executed.Count} of its {total} statements completed before the one that {last}, and stay applied (it has no transaction); the one that {last}{stopped} {fate}. Fix the cause and deploy again, or mark it with 'resolve'";
    }

    /// <summary>A backfill's batches commit one by one: the ones done stay, with the progress that lets it resume.</summary>
    private static string BackfillFate(Backfill.BackfillProgress? progress) => progress?.LastKey is { } lastKey
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"keeps the {progress.Batches:N0} batches it committed ({progress.RowsScanned:N0} rows read) and its progress: when a deploy reaches it again, it resumes after key {lastKey}")
        : "had committed no batch";

    /// <summary>Rendered statements that run: a backfill's description is a comment above the statement of its batches.</summary>
    private static bool IsStatement(string sql) => Migrations.Safety.Sql.SqlNormalizer.Normalize(sql).Length > 0;

    private void Run(RenderedMigration rendered, MigrationDirection direction, ExecutingSink sink)
    {
        var processor = session.Host.Processor;
        processor.Sink = sink;
        try
        {
            if (direction == MigrationDirection.Up && rendered.CanReplayUpOn(session.Host))
            {
                // The SQL was generated when the migration was rendered: building it a second time is the same work again.
                foreach (var statement in rendered.Up)
                {
                    sink.Statement(statement);
                }
            }
            else
            {
                session.Host.Run(Collect(rendered.Migration, direction));
            }
        }
        finally
        {
            processor.Sink = null;
        }
    }

    private IReadOnlyList<FluentMigrator.Expressions.IMigrationExpression> Collect(MigrationDescriptor migration, MigrationDirection direction)
    {
        var instance = session.Host.CreateMigration(migration.Type);
        return direction == MigrationDirection.Up ? session.Host.CollectUp(instance) : session.Host.CollectDown(instance);
    }

    private HistoryRecord Completed(RenderedMigration rendered, MigrationDirection direction, DateTimeOffset started, Stopwatch stopwatch) => new(
        rendered.Migration.Version,
        rendered.Migration.Name,
        rendered.Checksum,
        direction == MigrationDirection.Up ? MigrationState.Applied : MigrationState.RolledBack,
        started,
        DateTimeOffset.UtcNow,
        stopwatch.ElapsedMilliseconds);

    private async Task ResetSessionTimeoutsQuietlyAsync()
    {
        try
        {
            await using var reset = new NpgsqlCommand("RESET lock_timeout; RESET statement_timeout", session.Connection);
            await reset.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // A broken connection has no session settings left to reset; the failure itself is reported by the caller.
        }
    }

    private void RollbackQuietly()
    {
        try
        {
            session.Host.Processor.RollbackTransaction();
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // The connection broke: the server has already rolled the transaction back.
        }
    }

    private async Task<string> BlockersAsync(ExecutingSink sink, BlockerMonitor monitor)
    {
        if (sink.LastBlockers.Count > 0)
        {
            _lastBlockers = sink.LastBlockers;
        }
        else if (_lastBlockers.Count == 0 && sink.CurrentStatement is { } statement
            && SqlStatementClassifier.Classify(SqlStatementSplitter.Split(statement).FirstOrDefault() ?? new SqlStatement(statement, 0, [])).Table is { } table)
        {
            _lastBlockers = await monitor.FindLockHoldersAsync(table.Schema, table.Name, cancellationToken);
        }

        return _lastBlockers.Count == 0 ? "no blocking session was observed" : "blocked by " + string.Join("; ", _lastBlockers);
    }

    private BundleFailure Failure(MigrationDescriptor migration, MigrationDirection direction, Exception exception, string consequence)
    {
        if (exception is BundleFailure bundle)
        {
            return bundle;
        }

        // Ctrl-C or SIGTERM cancels the running command: PostgreSQL answers 57014, which is not the migration's fault.
        if (exception is OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            return new BundleFailure(Outcome.Cancelled, $"Cancelled while running {migration.DisplayName}; {consequence}.", exception);
        }

        var postgres = FindPostgres(exception);
        var cause = postgres is null ? MessageText.FirstLine(Innermost(exception).Message) : $"{postgres.SqlState}: {MessageText.FirstLine(postgres.MessageText)}";
        if (IsConnectionLost(exception, postgres))
        {
            // Not the migration's fault: the server went away (restart, failover, network). Say so, and how to go on.
            return new BundleFailure(Outcome.CannotConnect, $"Lost the connection to the server while running {migration.DisplayName} ({cause}); {consequence}. Deploy again once the server is reachable.", exception);
        }

        var verb = direction == MigrationDirection.Up ? "Migration" : "Rollback of";
        return new BundleFailure(Outcome.MigrationFailed, $"{verb} {migration.DisplayName} failed ({cause}); {consequence}.", exception);
    }

    private static bool IsConnectionLost(Exception exception, PostgresException? postgres) =>
        postgres?.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
        || (postgres is null && exception is NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException });

    private static PostgresException? FindPostgres(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres)
            {
                return postgres;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

}
