namespace Migrations.Runtime.Fleet;

/// <summary>--on-failure: what a fleet deploy does once a target failed. Targets already running always finish.</summary>
public enum FailurePolicy
{
    /// <summary>Start no further target (the default: a migration that failed on one database often fails on the next).</summary>
    Stop,

    /// <summary>Deploy every other target anyway (tenants whose data differ).</summary>
    Continue,
}
