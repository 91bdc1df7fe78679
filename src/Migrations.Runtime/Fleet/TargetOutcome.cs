using System.Text.Json;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Fleet;

public enum TargetState
{
    /// <summary>The verb ran and succeeded.</summary>
    Succeeded,

    /// <summary>The verb ran and ended otherwise (a finding such as pending migrations counts here too).</summary>
    Failed,

    /// <summary>Deployed by an earlier run of the same fleet deploy (its journal says so): not connected to again.</summary>
    Skipped,

    /// <summary>Never started: a canary failed, --on-failure stop after a failure, or the run was cancelled.</summary>
    NotStarted,
}

/// <summary>
/// What happened to one target of a fleet run: how the verb ended (<see cref="Kind"/>, null when it did not run) and the
/// exit code that is (for the summary). <see cref="Output"/> is the verb's own --json document for it.
/// </summary>
public sealed record TargetOutcome(FleetTarget Target, TargetState State, Outcome? Kind, int? ExitCode, string Result, int? Count, string? Error, JsonElement? Output, TimeSpan Duration)
{
    public static TargetOutcome NotStarted(FleetTarget target, string reason) =>
        new(target, TargetState.NotStarted, null, null, "not started: " + reason, null, null, null, TimeSpan.Zero);

    public static TargetOutcome Skipped(FleetTarget target) =>
        new(target, TargetState.Skipped, null, null, "skipped: done in an earlier run (journal)", null, null, null, TimeSpan.Zero);
}
