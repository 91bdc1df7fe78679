using System.Diagnostics;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Npgsql;

namespace Migrations.Runtime.Engine;

/// <summary>
/// Runs FluentMigrator's statements on the deploying connection with our timeouts, shows progress for long
/// statements, and keeps the last observed blockers for the error message of a lock timeout.
/// </summary>
internal sealed class ExecutingSink(BundleProcessor processor, DeployTimeouts timeouts, BlockerMonitor monitor, IProgressReporter progress, CancellationToken cancellationToken) : IStatementSink
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(10);

    private string? _lockTimeout;
    private string? _statementTimeout;

    public bool IsOffline => false;

    public List<string> Executed { get; } = [];

    public IReadOnlyList<BlockingSession> LastBlockers { get; private set; } = [];

    /// <summary>Concurrent indexes an earlier, interrupted run completed (<see cref="EarlierIndexBuilds"/>): not built again.</summary>
    public IReadOnlySet<string> AlreadyBuilt { get; set; } = new HashSet<string>();

    /// <summary>Set for a migration that runs without a transaction: where its backfills keep progress.</summary>
    public Backfill.BackfillScope? Backfills { get; set; }

    /// <summary>The statement running now, or the one that failed.</summary>
    public string? CurrentStatement { get; private set; }

    /// <summary>The statement running now (or the one that failed) commits as it goes: a DO block or a CALL, which may COMMIT inside.</summary>
    public bool CurrentStatementCommitsAsItGoes { get; private set; }

    /// <summary>The statement running now (or the one that failed) is a backfill, whose batches commit one by one.</summary>
    public bool CurrentStatementIsBackfill { get; private set; }

    /// <summary>Such a statement was seen to have committed part of its work before it ended.</summary>
    public bool CurrentStatementCommittedPart { get; private set; }

    public void Statement(string sql)
    {
        var connection = processor.OpenConnection();
        var transaction = processor.CurrentTransaction;
        var traits = StatementTraits.Of(sql);
        if (traits.ConcurrentIndex is { } index && AlreadyBuilt.Contains(index.Key))
        {
            Executed.Add(sql);
            return;
        }

        ApplyTimeouts(connection, transaction, traits);
        CurrentStatement = sql;
        CurrentStatementCommitsAsItGoes = transaction is null && CommitsAsItGoes(sql);
        CurrentStatementIsBackfill = false;
        CurrentStatementCommittedPart = false;

        using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        var pid = connection.ProcessID;
        var stopwatch = Stopwatch.StartNew();
        // Look for blockers well before lock_timeout fires: once the statement has failed, nobody blocks it any more.
        var firstObservation = TimeSpan.FromMilliseconds(Math.Clamp(timeouts.LockTimeout.TotalMilliseconds / 2, 50, 750));
        using var cancellation = cancellationToken.Register(() =>
        {
            // Once cancelled, the statement is gone from pg_stat_activity: look whether it committed anything first.
            NoteCommits(pid);
            command.Cancel();
        });
        if (IndexBuildWatch.Watches(sql))
        {
            RunWatchedIndexBuild(command, pid, traits);
        }
        else
        {
            using var observer = new Timer(_ => Observe(pid, sql, stopwatch), null, firstObservation, ReportEvery);
            command.ExecuteNonQuery();
        }

        Executed.Add(sql);
    }

    /// <summary>A concurrent index build with its progress shown, and cancelled once it has waited past the limit for older transactions.</summary>
    private void RunWatchedIndexBuild(NpgsqlCommand command, int pid, StatementTraits traits)
    {
        var limits = Backfills?.Limits ?? Migrations.Runtime.Backfill.HealthLimits.Default;
        var index = traits.ConcurrentIndex?.Name ?? "the index";
        using var watch = new IndexBuildWatch(monitor, pid, Backfills?.Migration ?? string.Empty, index, limits.IndexWaitLimit, progress, command.Cancel);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException && watch.GaveUpWaitingFor is { } waitingFor && !cancellationToken.IsCancellationRequested)
        {
            throw new BundleFailure(Outcome.GaveUpWaiting,
                $"The concurrent build of {index} waited {Output.Durations.Short(watch.Waited)} in all and gave up (--index-wait-limit {Output.Durations.Short(limits.IndexWaitLimit)}): {waitingFor}. "
                + "It was cancelled and the index is left INVALID (queries do not use it); the next deploy drops it and builds it again. End that transaction, or deploy when it is done.", exception);
        }
    }

    public void Operation(string? description, Action run)
    {
        cancellationToken.ThrowIfCancellationRequested();
        run();
        Executed.Add($"-- Execute.WithConnection({description ?? "code"})");
    }

    public void Backfill(Backfill.BackfillDefinition backfill)
    {
        var scope = Backfills ?? throw new BundleFailure(Outcome.MigrationFailed, $"The backfill of {backfill.DisplayTable} can run only in a migration with TransactionBehavior.None, not in a seed profile.");
        CurrentStatement = backfill.Template();
        (CurrentStatementIsBackfill, CurrentStatementCommitsAsItGoes, scope.Current) = (true, false, null);
        // The batches manage their own transactions and timeouts: what this sink last SET for the session is stale after them.
        (_lockTimeout, _statementTimeout) = (null, null);
        new Backfill.BackfillRunner(scope).RunAsync(backfill).GetAwaiter().GetResult();
        Executed.Add(backfill.Template());
    }

    private void ApplyTimeouts(NpgsqlConnection connection, NpgsqlTransaction? transaction, StatementTraits traits)
    {
        var lockTimeout = timeouts.LockTimeoutSetting(traits);
        var statementTimeout = timeouts.StatementTimeoutSetting(traits);
        if (lockTimeout == _lockTimeout && statementTimeout == _statementTimeout)
        {
            return;
        }

        // LOCAL inside a transaction, so a rollback or commit leaves the session as it was.
        var scope = transaction is null ? string.Empty : "LOCAL ";
        using var command = new NpgsqlCommand($"SET {scope}lock_timeout = '{lockTimeout}'; SET {scope}statement_timeout = '{statementTimeout}'", connection, transaction);
        command.ExecuteNonQuery();
        _lockTimeout = lockTimeout;
        _statementTimeout = statementTimeout;
    }

    private void Observe(int pid, string sql, Stopwatch stopwatch)
    {
        NoteCommits(pid);
        var blockers = monitor.FindBlockersAsync(pid, CancellationToken.None).GetAwaiter().GetResult();
        if (blockers.Count > 0)
        {
            LastBlockers = blockers;
        }

        if (stopwatch.Elapsed >= ReportEvery - TimeSpan.FromMilliseconds(100))
        {
            var waiting = blockers.Count > 0 ? $", waiting for {string.Join("; ", blockers)}" : string.Empty;
            progress.Info($"    still running after {stopwatch.Elapsed.TotalSeconds:0}s: {MessageText.Excerpt(sql)}{waiting}");
        }
    }

    private void NoteCommits(int pid)
    {
        if (CurrentStatementCommitsAsItGoes && !CurrentStatementCommittedPart)
        {
            CurrentStatementCommittedPart = monitor.HasCommittedDuringStatementAsync(pid, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private static bool CommitsAsItGoes(string sql) =>
        Migrations.Safety.Sql.SqlLexer.Tokenize(sql).FirstOrDefault(token => !token.IsTrivia) is { } first && (first.IsKeyword("DO") || first.IsKeyword("CALL"));
}
