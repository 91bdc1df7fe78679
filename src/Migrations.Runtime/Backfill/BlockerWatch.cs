using Migrations.Runtime.Engine;

namespace Migrations.Runtime.Backfill;

/// <summary>
/// Looks once, halfway to the lock wait limit, at who blocks a running batch: once the batch has given up, nobody
/// blocks it any more, and the message should still name who held it up.
/// </summary>
internal sealed class BlockerWatch : IDisposable
{
    private readonly Timer _timer;

    public BlockerWatch(BlockerMonitor monitor, int pid, TimeSpan lockWait)
    {
        _timer = new Timer(_ =>
        {
            var found = monitor.FindBlockersAsync(pid, CancellationToken.None).GetAwaiter().GetResult();
            if (found.Count > 0)
            {
                Blockers = found;
            }
        }, null, TimeSpan.FromMilliseconds(Math.Clamp(lockWait.TotalMilliseconds / 2, 20, 750)), Timeout.InfiniteTimeSpan);
    }

    public IReadOnlyList<BlockingSession> Blockers { get; private set; } = [];

    public static string Describe(IReadOnlyList<BlockingSession> blockers) =>
        blockers.Count == 0 ? string.Empty : ", held by " + string.Join("; ", blockers);

    public void Dispose() => _timer.Dispose();
}
