using System.Text.Json;

namespace Migrations.Runtime.BuildValidation;

/// <summary>
/// What the analyzers already reported in this build, read from the compiler's SARIF error log. The build validation
/// lints the rendered SQL too, but reports a rule for a migration class only when the analyzers did not (reported or
/// suppressed in source) anywhere in that class: each finding surfaces once, at the most precise place that saw it.
/// </summary>
internal sealed class AnalyzerReport
{
    private readonly List<AnalyzerFinding> _results = [];

    public static AnalyzerReport Read(string? path)
    {
        var report = new AnalyzerReport();
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return report;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var results))
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    if (!result.TryGetProperty("ruleId", out var ruleId) || !result.TryGetProperty("locations", out var locations))
                    {
                        continue;
                    }

                    foreach (var location in locations.EnumerateArray())
                    {
                        if (location.TryGetProperty("physicalLocation", out var physical)
                            && physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri)
                            && physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var line))
                        {
                            report._results.Add(new AnalyzerFinding(
                                ruleId.GetString()!,
                                LocalPath(uri.GetString()!),
                                line.GetInt32(),
                                result.TryGetProperty("level", out var level) ? level.GetString() ?? "warning" : "warning",
                                result.TryGetProperty("message", out var message) && message.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty,
                                result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0));
                        }
                    }
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            // An unreadable log only means findings may be reported by both layers, never that one is lost.
        }

        return report;
    }

    public bool Covers(string ruleId, string file, int firstLine, int lastLine) =>
        Within(file, firstLine, lastLine).Any(result => result.RuleId == ruleId);

    /// <summary>What the analyzers reported (or saw suppressed) between these lines of a file: inside one migration class.</summary>
    public IEnumerable<AnalyzerFinding> Within(string file, int firstLine, int lastLine) =>
        _results.Where(result => string.Equals(result.File, file, StringComparison.Ordinal) && result.Line >= firstLine && result.Line <= lastLine);

    private static string LocalPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri;
}

/// <summary>One result of the compiler's error log: a PGM analyzer's finding, or the record of its suppression.</summary>
internal sealed record AnalyzerFinding(string RuleId, string File, int Line, string Level, string Message, bool Suppressed);
