namespace Migrations.Safety.Rules;

/// <summary>The table lock modes the catalog predicts, as pg_locks names them.</summary>
public static class LockModes
{
    public const string Share = "ShareLock";
    public const string ShareRowExclusive = "ShareRowExclusiveLock";
    public const string AccessExclusive = "AccessExclusiveLock";
}
