using Migrations.Safety.Rules;

namespace Migrations.Runtime.BuildValidation.Severities;

/// <summary>
/// The severity a rule has at a source file, decided from the project's .editorconfig and global config files and its
/// warning settings the way the compiler decides it for the analyzers, so one setting means the same in the IDE and in
/// the build's own findings: <c>none</c> silences both, <c>suggestion</c> makes both a message, <c>error</c> fails both.
/// </summary>
/// <remarks>
/// Precedence, as in the compiler: a rule's own key (<c>dotnet_diagnostic.ID.severity</c>) over its category's
/// (<c>dotnet_analyzer_diagnostic.category-CATEGORY.severity</c>) over all analyzers' (<c>dotnet_analyzer_diagnostic.severity</c>);
/// for each, the .editorconfig files closest to the file first (up to one with <c>root = true</c>), a later section over
/// an earlier one, then the global configs, the highest global_level first. NoWarn then silences, and
/// TreatWarningsAsErrors/WarningsAsErrors turn warnings into errors.
/// </remarks>
internal sealed class ConfiguredSeverities
{
    private readonly IReadOnlyList<AnalyzerConfigFile> _editorConfigs;
    private readonly IReadOnlyList<AnalyzerConfigFile> _globalConfigs;
    private readonly WarningOptions _warnings;

    private ConfiguredSeverities(IReadOnlyList<AnalyzerConfigFile> files, WarningOptions warnings)
    {
        _editorConfigs = files.Where(file => !file.IsGlobal).ToList();
        _globalConfigs = files.Where(file => file.IsGlobal).OrderByDescending(file => file.GlobalLevel).ToList();
        _warnings = warnings;
    }

    /// <param name="paths">The project's EditorConfigFiles: the .editorconfig files above its sources and its global configs. Missing ones are skipped.</param>
    public static ConfiguredSeverities Load(IEnumerable<string> paths, WarningOptions warnings) =>
        new(paths.Where(File.Exists).Select(AnalyzerConfigFile.Read).ToList(), warnings);

    /// <summary>The severity to report the rule with at the file (null: not at all, for none and silent).</summary>
    public RuleSeverity? At(Rule rule, string? sourceFile)
    {
        var configured = Find($"dotnet_diagnostic.{rule.Id}.severity", sourceFile)
            ?? Find($"dotnet_analyzer_diagnostic.category-{rule.Category}.severity", sourceFile)
            ?? Find("dotnet_analyzer_diagnostic.severity", sourceFile);
        RuleSeverity? severity = configured?.ToLowerInvariant() switch
        {
            "error" => RuleSeverity.Error,
            "warning" => RuleSeverity.Warning,
            "suggestion" => RuleSeverity.Info,
            "silent" or "refactoring" or "none" => null,
            _ => rule.EnabledByDefault ? rule.DefaultSeverity : null,
        };
        if (severity is null || _warnings.NoWarn.Contains(rule.Id))
        {
            return null;
        }

        var asError = (_warnings.TreatWarningsAsErrors && _warnings.WarningsNotAsErrors?.Contains(rule.Id) != true) || _warnings.WarningsAsErrors?.Contains(rule.Id) == true;
        return severity == RuleSeverity.Warning && asError ? RuleSeverity.Error : severity;
    }

    private string? Find(string key, string? sourceFile)
    {
        if (sourceFile is not null)
        {
            var path = Path.GetFullPath(sourceFile).Replace('\\', '/');
            foreach (var file in ClosestFirst(path))
            {
                if (LastMatching(file, path, key) is { } value)
                {
                    return value;
                }
            }
        }

        foreach (var file in _globalConfigs)
        {
            var value = sourceFile is null ? null : LastMatching(file, Path.GetFullPath(sourceFile).Replace('\\', '/'), key);
            if ((value ?? file.GlobalProperties.GetValueOrDefault(key)) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The .editorconfig files whose folder holds the file, closest first, none beyond the closest root one.</summary>
    private IEnumerable<AnalyzerConfigFile> ClosestFirst(string path)
    {
        foreach (var file in _editorConfigs.Where(file => path.StartsWith(file.Directory + "/", StringComparison.Ordinal)).OrderByDescending(file => file.Directory.Length))
        {
            yield return file;
            if (file.IsRoot)
            {
                yield break;
            }
        }
    }

    private static string? LastMatching(AnalyzerConfigFile file, string path, string key) =>
        file.Sections.LastOrDefault(section => section.Properties.ContainsKey(key) && section.Pattern.Matches(path)).Properties?.GetValueOrDefault(key);
}
