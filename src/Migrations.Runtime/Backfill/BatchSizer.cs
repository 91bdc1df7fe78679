namespace Migrations.Runtime.Backfill;

/// <summary>
/// Sizes batches to a target duration, as GitLab's batched background migrations do: start small, grow while batches
/// finish under the target, shrink when they take longer. A step is at most ×2 up and ×½ down, so one odd batch (a
/// checkpoint, a cold cache) cannot swing the size far.
/// </summary>
internal sealed class BatchSizer(int initial, int maximum, TimeSpan target)
{
    private const int Minimum = 10;

    public int Size { get; private set; } = Math.Clamp(initial, 1, maximum);

    public void Completed(int rowsRead, TimeSpan took)
    {
        // A short last batch says nothing about the speed of a full one.
        if (rowsRead < Size)
        {
            return;
        }

        var ratio = target.TotalMilliseconds / Math.Max(1, took.TotalMilliseconds);
        var next = Size * Math.Clamp(ratio, 0.5, 2.0);
        Size = (int)Math.Clamp(next, Math.Min(Minimum, maximum), maximum);
    }

    /// <summary>A batch that hit a lock: smaller batches lock fewer rows, and wait on fewer.</summary>
    public void Contended() => Size = Math.Max(Math.Min(Minimum, Size), Size / 2);
}
