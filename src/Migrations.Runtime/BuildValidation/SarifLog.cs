using System.Text.Json;
using System.Text.Json.Nodes;
using Migrations.Safety.Rules;

namespace Migrations.Runtime.BuildValidation;

/// <summary>
/// One SARIF 2.1.0 file for code scanning (GitHub reads one file per upload): the compiler's own runs — the analyzers'
/// findings, copied from its error log — followed by a run of the build validation's findings (rendered SQL, structure,
/// lock file). Findings without a place of their own (a locked migration that was deleted) point at the lock file.
/// </summary>
internal static class SarifLog
{
    public const string ToolName = "Migrations.Sdk build validation";

    public static void Write(string path, IReadOnlyList<BuildDiagnostic> diagnostics, string? compilerLog, string lockFile)
    {
        var runs = new JsonArray();
        foreach (var run in CompilerRuns(compilerLog))
        {
            runs.Add(run);
        }

        var rules = new JsonArray();
        foreach (var ruleId in diagnostics.Select(diagnostic => diagnostic.RuleId).Distinct().Order(StringComparer.Ordinal))
        {
            var rule = RuleCatalog.Get(ruleId);
            rules.Add(new JsonObject
            {
                ["id"] = rule.Id,
                ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
                ["helpUri"] = rule.HelpLink,
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.DefaultSeverity) },
            });
        }

        var results = new JsonArray();
        foreach (var diagnostic in diagnostics)
        {
            var location = diagnostic.Location ?? new SourceLocation(Path.GetFullPath(lockFile), 1, 1);
            results.Add(new JsonObject
            {
                ["ruleId"] = diagnostic.RuleId,
                ["level"] = Level(diagnostic.Severity),
                ["message"] = new JsonObject { ["text"] = diagnostic.Message },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = new Uri(Path.GetFullPath(location.File)).AbsoluteUri },
                        ["region"] = new JsonObject { ["startLine"] = Math.Max(1, location.Line), ["startColumn"] = Math.Max(1, location.Column) },
                    },
                }),
            });
        }

        runs.Add(new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = ToolName,
                    ["informationUri"] = "https://github.com/migrations-sdk/migrations-sdk/blob/main/docs/build-validation.md",
                    ["rules"] = rules,
                },
            },
            ["results"] = results,
        });
        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = runs,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, log.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>The compiler writes SARIF 2.1 (the SDK asks for version=2.1); an unreadable log adds nothing rather than failing the build.</summary>
    private static IEnumerable<JsonNode> CompilerRuns(string? compilerLog)
    {
        if (string.IsNullOrEmpty(compilerLog) || !File.Exists(compilerLog))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(compilerLog))?["runs"]?.AsArray().Where(run => run is not null).Select(run => run!.DeepClone()).ToList() ?? [];
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or IOException)
        {
            return [];
        }
    }

    /// <summary>SARIF's words for our severities (what code scanning and the pull-request view show).</summary>
    public static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "note",
    };
}
