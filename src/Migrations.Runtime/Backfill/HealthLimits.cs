namespace Migrations.Runtime.Backfill;

/// <summary>
/// When long operations wait for the database (deploy options, one set per environment):
/// a backfill pauses while a streaming replica is further behind than <see cref="MaxReplicaLag"/> or
/// <see cref="MaxReplicaLagBytes"/>, while another session has waited longer than <see cref="LockWait"/> for a lock on
/// its table, or while autovacuum works on the table to prevent wraparound; a batch waits at most <see cref="LockWait"/>
/// for its own row locks. Paused longer than <see cref="PauseLimit"/> in one stretch, it gives up (resumable).
/// A concurrent index build gives up after waiting <see cref="IndexWaitLimit"/> for old transactions.
/// </summary>
public sealed record HealthLimits(TimeSpan MaxReplicaLag, long MaxReplicaLagBytes, TimeSpan LockWait, TimeSpan PauseLimit, TimeSpan IndexWaitLimit)
{
    public static HealthLimits Default { get; } = new(TimeSpan.FromSeconds(10), 1L << 30, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30));

    /// <summary>How often a paused backfill looks again.</summary>
    public TimeSpan RecheckEvery { get; init; } = TimeSpan.FromSeconds(1);
}
