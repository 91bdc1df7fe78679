namespace Migrations.Runtime.Fleet;

/// <param name="TargetsFile">--targets: one connection per line.</param>
/// <param name="Parallel">--parallel: targets running at once, each with its own two connections.</param>
/// <param name="Canary">--canary: the first K targets run first; the rest only if all of them succeeded.</param>
/// <param name="OnFailure">--on-failure: stop starting targets after a failure, or continue.</param>
/// <param name="Shard">--shard I/N, or null for the Indexed Job's environment (or the whole file).</param>
/// <param name="JournalPath">--journal, or null for the file beside the targets file.</param>
public sealed record FleetOptions(string TargetsFile, int Parallel, int Canary, FailurePolicy OnFailure, string? Shard, string? JournalPath)
{
    public const int DefaultParallel = 4;

    /// <summary>Two connections each: beyond this a fleet needs more of one server than any sane max_connections.</summary>
    public const int MaxParallel = 256;
}
