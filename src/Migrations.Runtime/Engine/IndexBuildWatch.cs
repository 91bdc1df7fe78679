using System.Diagnostics;
using Migrations.Runtime.Backfill;
using Migrations.Runtime.Output;
using Migrations.Safety.Sql;

namespace Migrations.Runtime.Engine;

/// <summary>
/// Watches a CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY once a second: its phase and progress with an ETA, and
/// whether it waits — queued for its table lock (pg_blocking_pids) or waiting for transactions older than itself
/// (pg_stat_progress_create_index.current_locker_pid), naming that session either way. Waiting longer than
/// <see cref="HealthLimits.IndexWaitLimit"/> in all, it cancels the build, which leaves the index INVALID for the next
/// deploy to drop and rebuild.
/// </summary>
internal sealed class IndexBuildWatch : IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    private readonly BlockerMonitor _monitor;
    private readonly int _pid;
    private readonly string _migration;
    private readonly string _index;
    private readonly TimeSpan _limit;
    private readonly IProgressReporter _progress;
    private readonly Action _cancel;
    private readonly Timer _timer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastLook;
    private TimeSpan _waited;
    private (string Phase, long Done, TimeSpan At)? _phaseStart;
    private int _looking;

    public IndexBuildWatch(BlockerMonitor monitor, int pid, string migration, string index, TimeSpan limit, IProgressReporter progress, Action cancel)
    {
        (_monitor, _pid, _migration, _index, _limit, _progress, _cancel) = (monitor, pid, migration, index, limit, progress, cancel);
        _timer = new Timer(_ => Look(), null, Every, Every);
    }

    /// <summary>Set when the watch gave up and cancelled the build: what it was waiting for.</summary>
    public string? GaveUpWaitingFor { get; private set; }

    public TimeSpan Waited => _waited;

    public static bool Watches(string sql)
    {
        var words = SqlLexer.Tokenize(sql).Where(token => token.Kind == SqlTokenKind.Word).Select(token => token.Text.ToUpperInvariant()).Take(6).ToList();
        return words.Contains("CONCURRENTLY") && words.Contains("INDEX") && words.FirstOrDefault() is "CREATE" or "REINDEX";
    }

    private void Look()
    {
        // A slow look must not overlap the next one.
        if (Interlocked.Exchange(ref _looking, 1) == 1)
        {
            return;
        }

        try
        {
            var now = _clock.Elapsed;
            var since = now - _lastLook;
            _lastLook = now;
            var build = _monitor.FindIndexBuildAsync(_pid, CancellationToken.None).GetAwaiter().GetResult();
            var waitingFor = build is { IsWaitingForOldTransactions: true, WaitingFor: { } old }
                ? $"{build.Phase}: transaction of pid {old.Pid} ({Describe(old)}) is older than the build and still open"
                : build is null || build.Phase == "initializing" ? QueuedBehind() : null;
            if (waitingFor is not null)
            {
                _waited += since;
                _progress.Report(new OperationEvent("index.waiting", _migration, _index, Detail: waitingFor, Elapsed: _waited));
                if (_waited > _limit && GaveUpWaitingFor is null)
                {
                    GaveUpWaitingFor = waitingFor;
                    _cancel();
                }

                return;
            }

            if (build is not null)
            {
                _progress.Report(Progress(build, now));
            }
        }
        finally
        {
            Volatile.Write(ref _looking, 0);
        }
    }

    private string? QueuedBehind()
    {
        var blockers = _monitor.FindBlockersAsync(_pid, CancellationToken.None).GetAwaiter().GetResult();
        return blockers.Count == 0 ? null : "queued for its lock on the table behind " + string.Join("; ", blockers);
    }

    private OperationEvent Progress(IndexBuildProgress build, TimeSpan now)
    {
        if (_phaseStart is not { } start || start.Phase != build.Phase)
        {
            _phaseStart = (build.Phase, build.Done, now);
            return new OperationEvent("index.progress", _migration, _index, build.Total > 0 ? build.Done : null, build.Total > 0 ? build.Total : null, Detail: build.Phase);
        }

        var rate = (build.Done - start.Done) / Math.Max(0.001, (now - start.At).TotalSeconds);
        TimeSpan? eta = rate > 0 && build.Total > build.Done ? TimeSpan.FromSeconds((build.Total - build.Done) / rate) : null;
        return new OperationEvent("index.progress", _migration, _index, build.Total > 0 ? build.Done : null, build.Total > 0 ? build.Total : null, Eta: eta, Detail: build.Phase);
    }

    private static string Describe(BlockingSession session) =>
        $"{(session.Application.Length > 0 ? session.Application + ", " : string.Empty)}{session.State}, for {session.Age.TotalSeconds:0}s: {session.Query}";

    public void Dispose()
    {
        _timer.Dispose();
    }
}
