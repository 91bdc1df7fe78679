namespace Migrations.Runtime.Engine;

/// <summary>
/// One look at pg_stat_progress_create_index for a concurrent build: its phase, the work of that phase, and — while it
/// waits for transactions older than itself — the session it is waiting for.
/// </summary>
internal sealed record IndexBuildProgress(string Phase, long Done, long Total, BlockingSession? WaitingFor)
{
    /// <summary>"waiting for writers before build", "waiting for old snapshots", …: the build waits for older transactions.</summary>
    public bool IsWaitingForOldTransactions => Phase.StartsWith("waiting for", StringComparison.Ordinal);
}
