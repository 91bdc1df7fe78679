using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Utilities;

namespace Migrations.Build.Tasks;

/// <summary>
/// The info findings (int keys, timestamp without time zone, json…) are the advice that prevents a rewrite of a big
/// table years later, yet MSBuild hides them at its default verbosity. After the build this lists them in one
/// warning, MIGSDK002, which the SDK keeps out of warnings-as-errors: a message would not do, because the terminal
/// logger (dotnet build's default in a terminal) shows messages of any importance only at detailed verbosity.
/// </summary>
public sealed class SummarizeMigrationsSuggestions : Task
{
    public const string Code = Migrations.Safety.Rules.RuleIds.SuggestionSummary;

    private const int Listed = 10;

    /// <summary>The compiler's SARIF error log: the analyzers' findings.</summary>
    public string? AnalyzerLog { get; set; }

    /// <summary>The build validation's info findings (rendered SQL of .sql migrations, say), one per line.</summary>
    public string? ValidationSuggestions { get; set; }

    /// <summary>The summary is reported on it; the paths in it are relative to its folder.</summary>
    public string? ProjectFile { get; set; }

    public override bool Execute()
    {
        var suggestions = SarifSuggestions.Read(AnalyzerLog)
            .Concat(ReadValidationSuggestions())
            .Distinct()
            .OrderBy(suggestion => suggestion.File, StringComparer.Ordinal)
            .ThenBy(suggestion => suggestion.Line)
            .ThenBy(suggestion => suggestion.Column)
            .ToList();
        if (suggestions.Count > 0)
        {
            Log.LogWarning("migrations", Code, null, Migrations.Safety.BuildProtocol.HelpLink(suggestions[0].RuleId), ProjectFile, 0, 0, 0, 0, "{0}", Summary(suggestions));
        }

        return true;
    }

    private IEnumerable<Suggestion> ReadValidationSuggestions() =>
        string.IsNullOrEmpty(ValidationSuggestions) || !File.Exists(ValidationSuggestions)
            ? Enumerable.Empty<Suggestion>()
            : File.ReadAllLines(ValidationSuggestions).Select(Suggestion.FromLine).Where(suggestion => suggestion is not null).Select(suggestion => suggestion!);

    private string Summary(IReadOnlyList<Suggestion> suggestions)
    {
        var text = new StringBuilder();
        text.Append(suggestions.Count).Append(suggestions.Count == 1 ? " suggestion" : " suggestions")
            .Append(" from the migration safety rules (info: they fail nothing, but acting on one later may mean rewriting a big table):");
        foreach (var suggestion in suggestions.Take(Listed))
        {
            text.AppendLine().Append("  ").Append(Relative(suggestion.File)).Append('(').Append(suggestion.Line).Append(',').Append(suggestion.Column)
                .Append("): ").Append(suggestion.RuleId).Append(": ").Append(suggestion.Message);
        }

        if (suggestions.Count > Listed)
        {
            text.AppendLine().Append("  … and ").Append(suggestions.Count - Listed).Append(" more.");
        }

        var example = suggestions[0].RuleId;
        text.AppendLine().Append("  Why and how: ").Append(Migrations.Safety.BuildProtocol.HelpLink(example))
            .Append(". Raise or silence a rule in .editorconfig (dotnet_diagnostic.").Append(example)
            .Append(".severity = warning or none), or this summary with EnableMigrationsSuggestionSummary=false.");
        return text.ToString();
    }

    private string Relative(string file)
    {
        if (string.IsNullOrEmpty(ProjectFile) || file.Length == 0)
        {
            return file;
        }

        var directory = Path.GetDirectoryName(ProjectFile) + Path.DirectorySeparatorChar;
        return file.StartsWith(directory, StringComparison.Ordinal) ? file.Substring(directory.Length) : file;
    }
}
