using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;

namespace Migrations.Runtime.Testing;

/// <summary>Prints what <c>test</c> found: a line per migration as it goes, then the summary (or one JSON document).</summary>
internal static class TestReport
{
    public static void Progress(IProgressReporter progress, MigrationTestResult result)
    {
        var mode = result.Transactional ? string.Empty : " (no transaction)";
        var verdict = result.Failure is not null ? "FAILED: " + result.Failure
            : result.RoundTrip == RoundTripOutcome.Skipped ? "round trip skipped (forward-only)"
            : "round trip ok";
        progress.Info($"  {result.Version} {result.Name}{mode}: up {result.UpMs} ms, {verdict}");
        if (result.SeededRows.Count > 0)
        {
            progress.Info($"    seeded: {string.Join(", ", result.SeededRows.Select(pair => $"{pair.Key} {pair.Value} rows"))}");
        }

        if (result.Observed.Count == 0)
        {
            progress.Info("    no lock observed on existing tables");
        }

        foreach (var table in result.Observed)
        {
            var held = table.HeldMs > 0 ? $"held {table.HeldMs} ms" : "held briefly (seen once)";
            progress.Info($"    {table.Table}: {table.LockDisplay} {held}{(table.Rewritten ? ", REWRITTEN" : string.Empty)}");
        }

        foreach (var prediction in result.Predictions)
        {
            var lockPart = prediction.MinimumLock is null ? string.Empty : $"at least {LockModes.Display(prediction.MinimumLock)}";
            var rewritePart = prediction.Rewrite ? (lockPart.Length > 0 ? " and a rewrite" : "a rewrite") : string.Empty;
            progress.Info($"    {prediction.RuleId} predicted {lockPart}{rewritePart} on {prediction.Table}");
        }

        foreach (var mismatch in result.Mismatches)
        {
            progress.Info($"    MISMATCH: {mismatch}");
        }

        if (result.Predictions.Count > 0 && result.Mismatches.Count == 0 && result.Failure is null)
        {
            progress.Info("    observed as predicted");
        }

        foreach (var difference in result.Differences.Skip(1).Take(10))
        {
            progress.Info($"    also {difference}");
        }
    }

    /// <param name="resultsPath">test -o: the JSON document also goes to this file, for 'report' to put next to its predictions.</param>
    public static void Write(BundleContext context, string server, int rows, int total, IReadOnlyList<MigrationTestResult> results, TimeSpan elapsed, string? resultsPath = null)
    {
        var passed = results.Count(result => result.Passed);
        var ok = passed == total;
        if (context.Json || resultsPath is not null)
        {
            var document = Document(server, rows, ok, results, elapsed);
            if (resultsPath is not null)
            {
                using var file = new StreamWriter(resultsPath);
                JsonOutput.Write(file, document);
            }

            if (context.Json)
            {
                JsonOutput.Write(context.Output, document);
                return;
            }
        }

        var untested = total - results.Count;
        var tail = untested > 0 ? $", {untested} not tested after the failure" : string.Empty;
        context.Output.WriteLine(ok
            ? $"All {total} migration(s) passed the round trip and matched the rules' predictions in {elapsed.TotalSeconds:0.0}s."
            : $"{results.Count - passed} of {total} migration(s) failed{tail} ({elapsed.TotalSeconds:0.0}s): {string.Join("; ", results.Where(result => !result.Passed).Select(result => $"{result.Version} {result.Name}: {result.Failure ?? string.Join(" ", result.Mismatches)}"))}");
    }

    private static object Document(string server, int rows, bool ok, IReadOnlyList<MigrationTestResult> results, TimeSpan elapsed) => new
    {
        server,
        rowsPerTable = rows,
        passed = ok,
        durationMs = (long)elapsed.TotalMilliseconds,
        migrations = results.Select(result => new
        {
            version = result.Version,
            name = result.Name,
            transactional = result.Transactional,
            passed = result.Passed,
            upMs = result.UpMs,
            roundTrip = result.RoundTrip,
            failure = result.Failure,
            differences = result.Differences.Select(difference => new { kind = difference.Kind, @object = difference.Object, expected = difference.Expected, actual = difference.Actual }),
            seededRows = result.SeededRows,
            locks = result.Observed.Select(table => new { table = table.Table, mode = table.StrongestLock is null ? null : LockModes.Display(table.StrongestLock), heldMs = table.HeldMs, rewritten = table.Rewritten }),
            predictions = result.Predictions.Select(prediction => new { ruleId = prediction.RuleId, table = prediction.Table, minimumLock = prediction.MinimumLock is null ? null : LockModes.Display(prediction.MinimumLock), rewrite = prediction.Rewrite }),
            mismatches = result.Mismatches,
        }),
    };
}
