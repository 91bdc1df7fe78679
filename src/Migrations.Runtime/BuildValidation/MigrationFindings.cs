using Migrations.Runtime.Rendering;
using Migrations.Safety.Judging;

namespace Migrations.Runtime.BuildValidation;

/// <summary>
/// What the build validation finds in each migration as it will run: the structure checks and the rules' verdicts on the
/// rendered SQL of all migrations in order (one schema history), before [AllowUnsafe], the project's severities and the
/// analyzers' own findings are taken into account. The build reports them; 'report' shows them in a pull request, the
/// accepted ones with their reason.
/// </summary>
internal sealed class MigrationFindings
{
    private readonly IReadOnlyDictionary<long, IReadOnlyList<Verdict>> _verdicts;
    private readonly SourceLocator _locator;
    private readonly JudgeSettings _settings;

    private MigrationFindings(IReadOnlyDictionary<long, IReadOnlyList<Verdict>> verdicts, SourceLocator locator, JudgeSettings settings)
    {
        _verdicts = verdicts;
        _locator = locator;
        _settings = settings;
    }

    public static MigrationFindings Judge(IReadOnlyList<RenderedMigration> rendered, SourceLocator locator, JudgeSettings settings) =>
        new(RenderedSqlJudge.Judge(rendered, settings), locator, settings);

    /// <summary>The rules' verdicts on one migration's rendered SQL (what 'report' predicts from when 'test' did not run).</summary>
    public IReadOnlyList<Verdict> Verdicts(long version) => _verdicts.TryGetValue(version, out var found) ? found : [];

    public IEnumerable<BuildDiagnostic> Of(RenderedMigration migration, SourceSpan? span) =>
        StructureChecks.Check(migration, _locator.Find(migration.Migration.Type), _settings).Concat(Verdicts(migration.Migration.Version).Select(verdict => Diagnostic(migration, verdict, span)));

    /// <summary>
    /// A verdict on rendered SQL: at the migration class, or for a .sql migration at the statement's line with the advice
    /// said in SQL (the file has no FluentMigrator calls to change).
    /// </summary>
    private static BuildDiagnostic Diagnostic(RenderedMigration rendered, Verdict verdict, SourceSpan? span)
    {
        var type = rendered.Migration.Type;
        if (verdict.Source is RenderedStatement statement && SourceLocator.FindInSqlFile(type, rendered.Up, statement.Index, statement.Offset) is { } line)
        {
            return new(verdict.RuleId, verdict.Rule.DefaultSeverity, $"{rendered.Migration.DisplayName}: {verdict.Rule.FormatSqlMessage(verdict.Arguments!)}", line);
        }

        return new(verdict.RuleId, verdict.Rule.DefaultSeverity, $"{rendered.Migration.DisplayName} (rendered SQL): {verdict.Message}", span?.Declaration);
    }
}
