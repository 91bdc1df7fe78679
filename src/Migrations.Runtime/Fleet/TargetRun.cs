using System.Diagnostics;
using System.Text.Json;
using Migrations.Runtime.Outcomes;
using Npgsql;

namespace Migrations.Runtime.Fleet;

/// <summary>The single-target verb a fleet runs: exactly what <c>verb --connection CONNECTION</c> would do.</summary>
public delegate Task<Outcome> SingleTargetAction(BundleContext context, string? connection, CancellationToken cancellationToken);

/// <summary>
/// Runs the verb on one target through its own code path (own session, deploy lock, history, timeouts, retries), with
/// its JSON document captured for the fleet's summary, and turns every failure into an outcome and one line, as
/// the bundle's top level does for a single target.
/// </summary>
internal static class TargetRun
{
    public static async Task<TargetOutcome> RunAsync(BundleContext fleet, FleetProgress progress, FleetTarget target, FleetVerb verb, SingleTargetAction action, CancellationToken cancellationToken)
    {
        var output = new StringWriter();
        var context = fleet.ForTarget(output, progress.For(target));
        var stopwatch = Stopwatch.StartNew();
        Outcome kind;
        string? error = null;
        try
        {
            kind = await action(context, target.Connection, cancellationToken);
        }
        catch (Exception exception)
        {
            var failure = ExceptionOutcome.Explain(exception, fleet.Assembly.GetName().Name ?? "bundle");
            kind = failure.Kind;
            error = failure.Message;
            if (failure.InnerException is not null && Environment.GetEnvironmentVariable("MIGRATIONS_DEBUG") == "1")
            {
                progress.Warn($"[{target.Label}] {failure.InnerException}");
            }
        }
        finally
        {
            // A single deploy's process ends and takes its connections with it; here a thousand targets would each leave
            // an idle pooled connection open until max_connections runs out.
            NpgsqlConnection.ClearPool(new NpgsqlConnection(target.Settings.ConnectionString));
        }

        var document = Parse(output.ToString());
        if (error is null && document is { } json && json.TryGetProperty("error", out var reported) && reported.ValueKind == JsonValueKind.String)
        {
            error = reported.GetString();
        }

        var count = verb.Count(document);
        return new TargetOutcome(
            target,
            kind == Outcome.Success ? TargetState.Succeeded : TargetState.Failed,
            kind,
            fleet.ExitCodeOf(kind),
            verb.Describe(kind, count),
            count,
            error,
            document,
            stopwatch.Elapsed);
    }

    private static JsonElement? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
