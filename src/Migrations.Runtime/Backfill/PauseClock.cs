using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;

namespace Migrations.Runtime.Backfill;

/// <summary>
/// Times a backfill's pauses: says once per stretch (and when the cause changes) why it waits, gives up when one stretch
/// outlasts the limit, and sums the pauses so the rate and the summary count only the time spent working.
/// </summary>
internal sealed class PauseClock(BackfillScope scope, string table)
{
    private DateTime? _since;
    private string? _cause;
    private int _stretches;
    private TimeSpan _finished;

    public TimeSpan Total => _finished + (_since is { } since ? DateTime.UtcNow - since : TimeSpan.Zero);

    public async Task WaitAsync(string reason, OperationEvent paused)
    {
        var now = DateTime.UtcNow;
        var cause = reason.Split(' ')[0];
        if (_since is null)
        {
            _since = now;
            _stretches++;
            scope.Progress.Report(paused);
        }
        else if (cause != _cause)
        {
            scope.Progress.Report(paused);
        }

        _cause = cause;
        var waited = now - _since.Value;
        if (waited > scope.Limits.PauseLimit)
        {
            throw new BundleFailure(Outcome.GaveUpWaiting,
                $"The backfill of {table} in {scope.Migration} was paused for {Durations.Short(waited)} ({reason}) and gave up (--backfill-pause-limit {Durations.Short(scope.Limits.PauseLimit)}). Its progress is saved ({paused.Describe().Split(": ")[0]} after {paused.Done:N0} rows): deploy again to resume it.");
        }

        await Task.Delay(scope.Limits.RecheckEvery, scope.CancellationToken);
    }

    public void Resumed(OperationEvent resumed)
    {
        if (_since is not { } since)
        {
            return;
        }

        var waited = DateTime.UtcNow - since;
        _finished += waited;
        (_since, _cause) = (null, null);
        scope.Progress.Report(resumed with { Detail = $"after {Durations.Short(waited)}" });
    }

    public string Summary() => _stretches == 0 ? string.Empty : $"; paused {_stretches} time(s), {Durations.Short(_finished)} in all";
}
