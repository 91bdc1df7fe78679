using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Cli;

/// <summary>
/// The documented exit codes of every bundle verb (docs/cli.md). Scripts depend on them: only add. The one place an
/// <see cref="Outcome"/> becomes a number.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InternalError = 1;
    public const int UsageError = 2;
    public const int CannotConnect = 3;
    public const int DeployLockNotAcquired = 4;
    public const int LockTimeout = 5;
    public const int MigrationFailed = 6;
    public const int ValidationFailed = 7;
    public const int PendingMigrations = 8;
    public const int Refused = 9;
    public const int DriftFound = 10;
    public const int TestFailed = 11;
    public const int ToolFailed = 12;

    /// <summary>A backfill paused for database health, or a concurrent index build waited for old transactions, past its limit; resumable.</summary>
    public const int GaveUpWaiting = 13;
    public const int Cancelled = 130;

    public static async Task<int> Of(Task<Outcome> outcome) => Of(await outcome);

    public static int Of(Outcome outcome) => outcome switch
    {
        Outcome.Success => Success,
        Outcome.InternalError => InternalError,
        Outcome.UsageError => UsageError,
        Outcome.CannotConnect => CannotConnect,
        Outcome.DeployLockNotAcquired => DeployLockNotAcquired,
        Outcome.LockTimeout => LockTimeout,
        Outcome.MigrationFailed => MigrationFailed,
        Outcome.ValidationFailed => ValidationFailed,
        Outcome.PendingMigrations => PendingMigrations,
        Outcome.Refused => Refused,
        Outcome.DriftFound => DriftFound,
        Outcome.TestFailed => TestFailed,
        Outcome.ToolFailed => ToolFailed,
        Outcome.GaveUpWaiting => GaveUpWaiting,
        Outcome.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An outcome without an exit code: add it to docs/cli.md and here."),
    };
}
