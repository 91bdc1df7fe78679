namespace Migrations.Runtime.History;

/// <summary>What a history row says happened to a migration. The newest row of a version is its current state.</summary>
public enum MigrationState
{
    /// <summary>A non-transactional migration started; if this is still the newest row, it was interrupted.</summary>
    Running,
    Applied,
    Failed,
    RolledBack,
    ResolvedApplied,
    ResolvedRolledBack,
    Baselined,
}

public static class MigrationStateNames
{
    public static string ToDatabase(this MigrationState state) => state switch
    {
        MigrationState.Running => "running",
        MigrationState.Applied => "applied",
        MigrationState.Failed => "failed",
        MigrationState.RolledBack => "rolled_back",
        MigrationState.ResolvedApplied => "resolved_applied",
        MigrationState.ResolvedRolledBack => "resolved_rolled_back",
        MigrationState.Baselined => "baselined",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>The state as a person reads it ("resolved as applied"), for messages.</summary>
    public static string ToDisplay(this MigrationState state) => state switch
    {
        MigrationState.Running => "running or interrupted",
        MigrationState.RolledBack => "rolled back",
        MigrationState.ResolvedApplied => "resolved as applied",
        MigrationState.ResolvedRolledBack => "resolved as rolled back",
        _ => state.ToDatabase(),
    };

    public static MigrationState FromDatabase(string value) => value switch
    {
        "running" => MigrationState.Running,
        "applied" => MigrationState.Applied,
        "failed" => MigrationState.Failed,
        "rolled_back" => MigrationState.RolledBack,
        "resolved_applied" => MigrationState.ResolvedApplied,
        "resolved_rolled_back" => MigrationState.ResolvedRolledBack,
        "baselined" => MigrationState.Baselined,
        _ => throw new InvalidDataException($"Unknown migration state '{value}' in the history table."),
    };

    /// <summary>The schema changes of the migration are in the database.</summary>
    public static bool CountsAsApplied(this MigrationState state) =>
        state is MigrationState.Applied or MigrationState.ResolvedApplied or MigrationState.Baselined;

    /// <summary>A non-transactional run that did not finish: the database may hold part of it.</summary>
    public static bool NeedsAttention(this MigrationState state) =>
        state is MigrationState.Running or MigrationState.Failed;
}
