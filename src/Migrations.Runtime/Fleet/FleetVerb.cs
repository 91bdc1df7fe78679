using System.Text.Json;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Fleet;

/// <summary>
/// What a fleet run needs to know about the verb it runs on every target: how to read the one number that matters per
/// target out of the verb's own --json document, and what to call each outcome in the summary table.
/// </summary>
public sealed class FleetVerb
{
    private readonly Func<Outcome, int?, string> _describe;

    private FleetVerb(string name, string countName, string countProperty, bool countsArray, bool changesDatabases, Func<Outcome, int?, string> describe)
    {
        Name = name;
        CountName = countName;
        CountProperty = countProperty;
        CountsArray = countsArray;
        ChangesDatabases = changesDatabases;
        _describe = describe;
    }

    public static FleetVerb Deploy { get; } = new("deploy", "applied", "applied", countsArray: true, changesDatabases: true,
        (outcome, count) => outcome == Outcome.Success ? (count > 0 ? "deployed" : "up to date") : "failed");

    public static FleetVerb Status { get; } = new("status", "pending", "pending", countsArray: false, changesDatabases: false,
        (outcome, count) => outcome switch
        {
            Outcome.Success => count > 0 ? "pending" : "up to date",
            Outcome.PendingMigrations => "pending",
            Outcome.ValidationFailed => "needs attention",
            _ => "failed",
        });

    public static FleetVerb Validate { get; } = new("validate", "problems", "problems", countsArray: true, changesDatabases: false,
        (outcome, _) => outcome switch { Outcome.Success => "valid", Outcome.ValidationFailed => "invalid", _ => "failed" });

    public static FleetVerb Drift { get; } = new("drift", "differences", "drift", countsArray: true, changesDatabases: false,
        (outcome, _) => outcome switch { Outcome.Success => "no drift", Outcome.DriftFound => "drift", _ => "failed" });

    public string Name { get; }

    /// <summary>The name of the per-target number in the summary table and the fleet's JSON.</summary>
    public string CountName { get; }

    private string CountProperty { get; }

    private bool CountsArray { get; }

    /// <summary>Only a verb that changes the databases keeps a journal, stops on failure and knows canaries.</summary>
    public bool ChangesDatabases { get; }

    public string Describe(Outcome outcome, int? count) => _describe(outcome, count);

    public int? Count(JsonElement? document)
    {
        if (document is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty(CountProperty, out var value))
        {
            return null;
        }

        return CountsArray
            ? value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : null
            : value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
    }
}
