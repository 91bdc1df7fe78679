using Migrations.Runtime.Output;

namespace Migrations.Runtime.Fleet;

/// <summary>
/// Progress of targets running side by side: every line names its target, and lines never interleave mid-line
/// (the writers underneath need not be thread-safe).
/// </summary>
internal sealed class FleetProgress(IProgressReporter inner)
{
    private readonly Lock _gate = new();

    public IProgressReporter For(FleetTarget target) => new TargetProgress(this, $"[{target.Label}] ");

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

    private sealed class TargetProgress(FleetProgress fleet, string prefix) : IProgressReporter
    {
        public void Info(string message) => fleet.Info(prefix + message);

        public void Warn(string message) => fleet.Warn(prefix + message);
    }
}
