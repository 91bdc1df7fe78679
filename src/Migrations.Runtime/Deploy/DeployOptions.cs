using Migrations.Runtime.Engine;

namespace Migrations.Runtime.Deploy;

public sealed record DeployOptions(
    string? Connection,
    long? Target,
    bool DryRun,
    bool AllowOutOfOrder,
    TimeSpan LockWait,
    DeployTimeouts Timeouts,
    RetryPolicy Retries,
    bool Backup = false,
    IReadOnlyList<string>? AllowedSchemas = null,
    bool TrustBuild = false,
    bool RollbackOnFailure = false,
    Backfill.HealthLimits? Health = null);
