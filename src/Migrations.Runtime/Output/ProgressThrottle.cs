namespace Migrations.Runtime.Output;

/// <summary>
/// Lets every change of state through and routine progress (<c>*.progress</c>) at most once per <paramref name="every"/>
/// per operation. With <paramref name="holdFirst"/> the first progress event only starts the clock.
/// </summary>
public sealed class ProgressThrottle(TimeSpan every, bool holdFirst)
{
    private readonly Dictionary<string, DateTime> _last = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public bool Admit(OperationEvent operationEvent)
    {
        lock (_gate)
        {
            var key = operationEvent.Database + "/" + operationEvent.Migration + "/" + operationEvent.Target;
            var now = DateTime.UtcNow;
            var seen = _last.TryGetValue(key, out var last);
            var routine = operationEvent.Event.EndsWith(".progress", StringComparison.Ordinal);
            if (routine && seen && now - last < every)
            {
                return false;
            }

            _last[key] = now;
            return !routine || seen || !holdFirst;
        }
    }
}
