namespace Migrations.Runtime.Testing;

/// <summary>
/// Holds the rules to what PostgreSQL really did: a predicted lock or rewrite that did not happen, and a rewrite no
/// rule predicted, are both mismatches — the first makes a rule cry wolf, the second lets a danger through.
/// </summary>
internal static class PredictionCheck
{
    public static IReadOnlyList<string> Compare(IReadOnlyList<PredictedEffect> predictions, IReadOnlyList<ObservedTable> observed, IReadOnlySet<string> existingTables)
    {
        var mismatches = new List<string>();
        ObservedTable? Find(string table) => observed.FirstOrDefault(item => string.Equals(item.Table, table, StringComparison.OrdinalIgnoreCase));
        foreach (var prediction in predictions.Where(prediction => existingTables.Contains(prediction.Table)))
        {
            var table = Find(prediction.Table);
            if (prediction.MinimumLock is { } expected && LockModes.Strength(table?.StrongestLock ?? string.Empty) < LockModes.Strength(expected))
            {
                mismatches.Add($"{prediction.RuleId} predicted at least {LockModes.Display(expected)} on {prediction.Table}; observed {table?.LockDisplay ?? "no lock"}.");
            }

            if (prediction.Rewrite && table?.Rewritten != true)
            {
                mismatches.Add($"{prediction.RuleId} predicted a rewrite of {prediction.Table}; the table was not rewritten.");
            }
        }

        foreach (var rewritten in observed.Where(table => table.Rewritten))
        {
            if (!predictions.Any(prediction => prediction.Rewrite && string.Equals(prediction.Table, rewritten.Table, StringComparison.OrdinalIgnoreCase)))
            {
                mismatches.Add($"{rewritten.Table} was rewritten under {rewritten.LockDisplay} for {rewritten.HeldMs} ms, but no rule predicted it.");
            }
        }

        return mismatches;
    }
}
