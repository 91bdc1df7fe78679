using Migrations.Safety.Rules;

namespace Migrations.Runtime.BuildValidation;

/// <summary>A finding of the build validation, placed at the migration class's declaration.</summary>
public sealed record BuildDiagnostic(string RuleId, RuleSeverity Severity, string Message, SourceLocation? Location)
{
    public static BuildDiagnostic Of(string ruleId, SourceLocation? location, params object[] arguments)
    {
        var rule = RuleCatalog.Get(ruleId);
        return new BuildDiagnostic(ruleId, rule.DefaultSeverity, rule.FormatMessage(arguments), location);
    }

    /// <summary>
    /// One line per diagnostic for the MSBuild task: a fixed prefix and tab-separated fields, so a message can contain
    /// anything but a tab or a newline (both are replaced).
    /// </summary>
    public string ToProtocolLine() => string.Join('\t',
        Migrations.Safety.BuildProtocol.DiagnosticPrefix,
        Severity.ToString().ToLowerInvariant(),
        RuleId,
        Location?.File ?? string.Empty,
        (Location?.Line ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
        (Location?.Column ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Message.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' '));
}
