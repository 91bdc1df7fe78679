using System.Text.Json;

namespace Migrations.Runtime.Fleet;

public enum TargetState
{
    /// <summary>The verb ran and exited 0.</summary>
    Succeeded,

    /// <summary>The verb ran and exited with another code (a finding such as pending migrations counts here too).</summary>
    Failed,

    /// <summary>Deployed by an earlier run of the same fleet deploy (its journal says so): not connected to again.</summary>
    Skipped,

    /// <summary>Never started: a canary failed, --on-failure stop after a failure, or the run was cancelled.</summary>
    NotStarted,
}

/// <summary>What happened to one target of a fleet run. <see cref="Output"/> is the verb's own --json document for it.</summary>
public sealed record TargetOutcome(FleetTarget Target, TargetState State, int? ExitCode, string Result, int? Count, string? Error, JsonElement? Output, TimeSpan Duration)
{
    public static TargetOutcome NotStarted(FleetTarget target, string reason) =>
        new(target, TargetState.NotStarted, null, "not started: " + reason, null, null, null, TimeSpan.Zero);

    public static TargetOutcome Skipped(FleetTarget target) =>
        new(target, TargetState.Skipped, null, "skipped: done in an earlier run (journal)", null, null, null, TimeSpan.Zero);
}
