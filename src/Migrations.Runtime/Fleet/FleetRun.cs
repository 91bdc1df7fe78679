namespace Migrations.Runtime.Fleet;

/// <summary>How a fleet run was set up, for its summary.</summary>
internal sealed record FleetRun(FleetVerb Verb, string TargetsFile, FleetShard Shard, int Parallel, int Canary, FailurePolicy OnFailure, string? Journal)
{
    public bool JournalRemoved { get; init; }
}
