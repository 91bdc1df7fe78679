using System.Globalization;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Fleet;

/// <summary>
/// The slice of the targets one process runs: <c>--shard I/N</c> takes every target whose position p (0-based, in file
/// order) has p mod N = I, so shards stay balanced whatever order the file has. In a Kubernetes Indexed Job it defaults
/// to JOB_COMPLETION_INDEX (set by Kubernetes) over JOB_COMPLETIONS (the Job's completions, which Kubernetes does not
/// pass to the pod: the manifest sets it).
/// </summary>
public sealed record FleetShard(int Index, int Count)
{
    public const string IndexVariable = "JOB_COMPLETION_INDEX";
    public const string CountVariable = "JOB_COMPLETIONS";

    public static readonly FleetShard Whole = new(0, 1);

    public bool IsWhole => Count == 1;

    public IReadOnlyList<FleetTarget> Slice(IReadOnlyList<FleetTarget> targets) =>
        targets.Where((_, position) => position % Count == Index).ToList();

    public override string ToString() => $"{Index}/{Count}";

    /// <summary>--shard wins; otherwise the Indexed Job's environment; otherwise the whole file.</summary>
    public static FleetShard Resolve(string? option, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Parse(option, "--shard");
        }

        var index = environment(IndexVariable);
        if (string.IsNullOrWhiteSpace(index))
        {
            return Whole;
        }

        var count = environment(CountVariable);
        if (string.IsNullOrWhiteSpace(count))
        {
            throw BundleFailure.Usage($"{IndexVariable} is set (a Kubernetes Indexed Job) but {CountVariable} is not: set {CountVariable} in the pod's env to the Job's spec.completions, or pass --shard I/N.");
        }

        return Parse($"{index.Trim()}/{count.Trim()}", $"{IndexVariable}/{CountVariable}");
    }

    private static FleetShard Parse(string text, string source)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index < count)
        {
            return new FleetShard(index, count);
        }

        throw BundleFailure.Usage($"{source} must be I/N with 0 <= I < N (shard I of N, counted from 0 like JOB_COMPLETION_INDEX), not '{text}'.");
    }
}
