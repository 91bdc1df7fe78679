namespace Migrations.Runtime.Output;

/// <summary>
/// What a long operation (a backfill, a concurrent index build) reports while it runs. People get a live line or plain
/// lines on stderr; <c>--json</c> gets one JSON object per event and line on stderr (stdout keeps its one document).
/// </summary>
/// <param name="Event">backfill.started, backfill.progress, backfill.paused, backfill.resumed, backfill.finished, index.progress, index.waiting</param>
/// <param name="Target">the table backfilled, or the index built</param>
/// <param name="Done">rows read (backfill) or blocks/tuples of the current phase (index)</param>
/// <param name="Total">the estimate of <paramref name="Done"/> at the end, when known</param>
/// <param name="Detail">the phase of an index build, or why a backfill paused</param>
/// <param name="Database">in a fleet deploy, the target it runs on (its label), as the fleet's other lines name it</param>
public sealed record OperationEvent(
    string Event,
    string Migration,
    string Target,
    long? Done = null,
    long? Total = null,
    double? PerSecond = null,
    TimeSpan? Eta = null,
    string? Detail = null,
    long? Changed = null,
    int? BatchSize = null,
    TimeSpan? Elapsed = null,
    string? Database = null)
{
    /// <summary>The event as a line for people, indented under its migration; a fleet target's led by its label, as the fleet's other lines are.</summary>
    public string Line() => (Database is null ? string.Empty : $"[{Database}] ") + "    " + Describe();

    public double? Percent => Total is > 0 && Done is { } done ? Math.Min(100, Math.Round(100.0 * done / Total.Value, 1)) : null;

    /// <summary>The event as a person reads it, one line without the migration's name.</summary>
    public string Describe()
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var amount = Done is { } done
            ? (Total is { } total ? string.Format(invariant, "{0:N0} of ~{1:N0}", done, total) : done.ToString("N0", invariant)) + (Event.StartsWith("backfill", StringComparison.Ordinal) ? " rows" : string.Empty)
            : string.Empty;
        var parts = new List<string>();
        if (Detail is not null && Event is not ("backfill.paused" or "index.waiting"))
        {
            parts.Add(Detail);
        }

        if (amount.Length > 0)
        {
            parts.Add(Percent is { } percent ? string.Format(invariant, "{0} ({1:0}%)", amount, percent) : amount);
        }

        if (PerSecond is { } rate && rate > 0)
        {
            parts.Add(string.Format(invariant, "{0:N0}/s", rate));
        }

        if (Eta is { } eta)
        {
            parts.Add("ETA " + Durations.Short(eta));
        }

        if (BatchSize is { } size)
        {
            parts.Add(string.Format(invariant, "batch {0:N0}", size));
        }

        var verb = Event switch
        {
            "backfill.started" => "backfill of",
            "backfill.progress" => "backfilling",
            "backfill.paused" => "backfill paused on",
            "backfill.resumed" => "backfill resumed on",
            "backfill.finished" => "backfilled",
            "index.waiting" => "index build waiting:",
            _ => "building",
        };
        var head = $"{verb} {Target}";
        if (Event is "backfill.paused" or "index.waiting")
        {
            return $"{head}: {Detail}";
        }

        if (Event == "backfill.finished" && Elapsed is { } elapsed)
        {
            parts.Add("in " + Durations.Short(elapsed));
        }

        return parts.Count == 0 ? head : $"{head}: {string.Join(", ", parts)}";
    }
}
