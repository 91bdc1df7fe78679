namespace Migrations.Runtime.Outcomes;

/// <summary>
/// How a verb ended: <see cref="Success"/>, or what went wrong. Services and commands say what happened; the exit code
/// each outcome ends the process with is decided in one place at the process boundary (<c>Cli/ExitCodes.Of</c>).
/// </summary>
public enum Outcome
{
    Success,

    /// <summary>A bug of ours or of FluentMigrator.</summary>
    InternalError,

    /// <summary>Bad arguments or input files: the user fixes the command line.</summary>
    UsageError,

    CannotConnect,

    /// <summary>Another deployer held the deploy lock for longer than --lock-wait.</summary>
    DeployLockNotAcquired,

    /// <summary>A migration statement waited longer than lock_timeout on every attempt.</summary>
    LockTimeout,

    MigrationFailed,

    /// <summary>The migrations or the history do not check out (edited, out of order, partly squashed…).</summary>
    ValidationFailed,

    /// <summary>status --exit-code: migrations are waiting to be applied.</summary>
    PendingMigrations,

    /// <summary>Refused on purpose, to protect data or the running application (or by PostgreSQL's privileges).</summary>
    Refused,

    DriftFound,

    TestFailed,

    /// <summary>A PostgreSQL program (pg_dump, pg_restore, initdb…) is missing or failed.</summary>
    ToolFailed,

    /// <summary>A backfill paused for database health, or a concurrent index build waited for old transactions, past its limit; resumable.</summary>
    GaveUpWaiting,

    Cancelled,
}
