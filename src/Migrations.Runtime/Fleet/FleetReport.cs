using System.Globalization;
using System.Text.Json.Nodes;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;

namespace Migrations.Runtime.Fleet;

/// <summary>
/// The one summary of a fleet run: a table (target without password, result, the verb's count, duration) with each
/// failure's message below it, or one JSON document holding every target's own --json document.
/// </summary>
internal static class FleetReport
{
    public static void Write(BundleContext context, FleetRun run, IReadOnlyList<TargetOutcome> outcomes, int exitCode)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Output, Document(run, outcomes, exitCode));
            return;
        }

        var output = context.Output;
        var rows = outcomes.Select(outcome => new[]
        {
            outcome.Target.Line.ToString(CultureInfo.InvariantCulture),
            outcome.Target.Label,
            outcome is { Kind: not (null or Outcome.Success), ExitCode: { } code } ? $"{outcome.Result} (exit {code})" : outcome.Result,
            outcome.Count?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            outcome.State is TargetState.Succeeded or TargetState.Failed ? $"{outcome.Duration.TotalSeconds:0.00}s" : string.Empty,
        }).ToList();
        output.WriteLine();
        TextTable.Write(output, ["Line", "Target", "Result", Capitalized(run.Verb.CountName), "Duration"], rows);
        output.WriteLine(Totals(outcomes) + ".");
        foreach (var failed in outcomes.Where(outcome => outcome.State == TargetState.Failed))
        {
            output.WriteLine($"line {failed.Target.Line} {failed.Target.Label}: {failed.Error ?? failed.Result}");
        }

        if (run.Journal is { } journal)
        {
            output.WriteLine(run.JournalRemoved
                ? $"Every target is done: journal {journal} removed."
                : $"Journal {journal} kept: run the same command again to resume (finished targets are skipped).");
        }
    }

    private static JsonObject Document(FleetRun run, IReadOnlyList<TargetOutcome> outcomes, int exitCode)
    {
        var targets = new JsonArray();
        foreach (var outcome in outcomes)
        {
            targets.Add(new JsonObject
            {
                ["line"] = outcome.Target.Line,
                ["name"] = outcome.Target.Name,
                ["group"] = outcome.Target.Group,
                ["target"] = outcome.Target.Address,
                ["state"] = outcome.State.ToString().ToLowerInvariant(),
                ["result"] = outcome.Result,
                ["exitCode"] = outcome.ExitCode,
                [run.Verb.CountName] = outcome.Count,
                ["durationMs"] = (long)outcome.Duration.TotalMilliseconds,
                ["error"] = outcome.Error,
                ["output"] = outcome.Output is { } document ? JsonNode.Parse(document.GetRawText()) : null,
            });
        }

        return new JsonObject
        {
            ["verb"] = run.Verb.Name,
            ["targetsFile"] = run.TargetsFile,
            ["shard"] = run.Shard.ToString(),
            ["parallel"] = run.Parallel,
            ["canary"] = run.Canary,
            ["onFailure"] = run.OnFailure.ToString().ToLowerInvariant(),
            ["journal"] = run.Journal,
            ["journalRemoved"] = run.Journal is null ? null : run.JournalRemoved,
            ["targets"] = targets,
            ["succeeded"] = outcomes.Count(outcome => outcome.State == TargetState.Succeeded),
            ["failed"] = outcomes.Count(outcome => outcome.State == TargetState.Failed),
            ["skipped"] = outcomes.Count(outcome => outcome.State == TargetState.Skipped),
            ["notStarted"] = outcomes.Count(outcome => outcome.State == TargetState.NotStarted),
            ["exitCode"] = exitCode,
        };
    }

    public static string Totals(IReadOnlyList<TargetOutcome> outcomes)
    {
        var parts = new List<string>
        {
            $"{outcomes.Count(outcome => outcome.State == TargetState.Succeeded)} succeeded",
            $"{outcomes.Count(outcome => outcome.State == TargetState.Failed)} failed",
        };
        var skipped = outcomes.Count(outcome => outcome.State == TargetState.Skipped);
        var notStarted = outcomes.Count(outcome => outcome.State == TargetState.NotStarted);
        if (skipped > 0)
        {
            parts.Add($"{skipped} skipped (done in an earlier run)");
        }

        if (notStarted > 0)
        {
            parts.Add($"{notStarted} not started");
        }

        return string.Join(", ", parts);
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
