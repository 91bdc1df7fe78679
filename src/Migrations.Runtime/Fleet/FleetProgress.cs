using Migrations.Runtime.Output;

namespace Migrations.Runtime.Fleet;

/// <summary>
/// Progress of targets running side by side: every line names its target, and lines never interleave mid-line
/// (the writers underneath need not be thread-safe).
/// </summary>
internal sealed class FleetProgress(IProgressReporter inner)
{
    private readonly Lock _gate = new();

    public IProgressReporter For(FleetTarget target) => new TargetProgress(this, target.Label);

    public void Info(string message)
    {
        lock (_gate)
        {
            inner.Info(message);
        }
    }

    public void Warn(string message)
    {
        lock (_gate)
        {
            inner.Warn(message);
        }
    }

    /// <summary>A backfill's or index build's events (why it paused, how far it got), named with their target.</summary>
    public void Report(OperationEvent operationEvent)
    {
        lock (_gate)
        {
            inner.Report(operationEvent);
        }
    }

    private sealed class TargetProgress(FleetProgress fleet, string label) : IProgressReporter
    {
        public void Info(string message) => fleet.Info($"[{label}] {message}");

        public void Warn(string message) => fleet.Warn($"[{label}] {message}");

        public void Report(OperationEvent operationEvent) => fleet.Report(operationEvent with { Database = label });
    }
}
