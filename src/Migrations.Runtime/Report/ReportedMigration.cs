using Migrations.Runtime.BuildValidation;
using Migrations.Runtime.Rendering;
using Migrations.Runtime.Testing;

namespace Migrations.Runtime.Report;

/// <summary>One migration new (or changed) on the branch, with everything the pull-request view shows about it.</summary>
internal sealed record ReportedMigration(
    RenderedMigration Rendered,
    bool ChangedSinceBase,
    SourceLocation? Location,
    IReadOnlyList<ReportFinding> Findings,
    IReadOnlyList<ObservedPrediction> Predictions,
    ObservedMigration? Observed)
{
    /// <summary>
    /// The findings the build makes (and, from the compiler's log, the analyzers'): each once, as the build reports it,
    /// the accepted ones too. Predictions are test's when it ran (it knew the live column types), else the offline ones.
    /// </summary>
    public static ReportedMigration Of(RenderedMigration rendered, bool changedSinceBase, SourceLocator locator, MigrationFindings judged, AnalyzerReport analyzers, ObservedMigration? observed)
    {
        var type = rendered.Migration.Type;
        var span = locator.FindSpan(type);
        var fromAnalyzers = span is null ? [] : analyzers.Within(span.Declaration.File, span.FirstLine, span.LastLine).Where(finding => finding.RuleId.StartsWith("PGM", StringComparison.Ordinal)).ToList();
        var findings = fromAnalyzers
            .Select(finding => new ReportFinding(finding.RuleId, finding.Level, finding.Message, new SourceLocation(finding.File, finding.Line, 1), finding.Suppressed ? AllowUnsafeAttributes.Reason(type, finding.RuleId) ?? "suppressed in source" : null))
            .ToList();
        findings.AddRange(judged.Of(rendered, span)
            .Where(finding => !fromAnalyzers.Any(seen => seen.RuleId == finding.RuleId))
            .Select(finding => new ReportFinding(finding.RuleId, SarifLog.Level(finding.Severity), finding.Message, finding.Location, AllowUnsafeAttributes.Reason(type, finding.RuleId))));
        var predictions = observed?.Predictions
            ?? PredictedEffect.From(judged.Verdicts(rendered.Migration.Version), "public").Select(effect => new ObservedPrediction(effect.RuleId, effect.Table, effect.MinimumLock is null ? null : LockModes.Display(effect.MinimumLock), effect.Rewrite)).ToList();
        return new ReportedMigration(rendered, changedSinceBase, locator.Find(type), findings, predictions, observed);
    }
}
