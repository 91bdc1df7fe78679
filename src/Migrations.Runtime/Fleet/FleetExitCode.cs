using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Fleet;

/// <summary>
/// One outcome for many targets, and so one exit code, chosen so that a retry policy (Kubernetes podFailurePolicy, a
/// CI retry) reads it right: success when every target succeeded; otherwise a failure that a retry cannot fix (bad
/// usage, a failed or refused migration, an edited history…) wins over one that a retry may fix (3 cannot connect,
/// 4 deploy lock busy, 5 lock timeout), and those over 8 (pending, from status --exit-code). Among equals, the first
/// target in file order. A cancelled run exits 130.
/// </summary>
internal static class FleetExitCode
{
    public static Outcome Of(IEnumerable<TargetOutcome> outcomes) =>
        outcomes.Where(outcome => outcome.Kind is not null and not Outcome.Success)
            .Select(outcome => outcome.Kind!.Value)
            .OrderByDescending(Rank)
            .DefaultIfEmpty(Outcome.Success)
            .First();

    /// <summary>A busy database, not a broken migration: a backfill or index build that gave up waiting (13) resumes on the next deploy.</summary>
    public static bool MayPassOnRetry(Outcome outcome) =>
        outcome is Outcome.CannotConnect or Outcome.DeployLockNotAcquired or Outcome.LockTimeout or Outcome.GaveUpWaiting;

    private static int Rank(Outcome outcome) => outcome switch
    {
        Outcome.Cancelled => 4,
        Outcome.PendingMigrations => 1,
        _ when MayPassOnRetry(outcome) => 2,
        _ => 3,
    };
}
