using Migrations.Runtime.Rendering;
using Migrations.Safety.Judging;

namespace Migrations.Runtime.BuildValidation;

/// <summary>
/// The build's side of the one verdict: what every migration really renders, read into operations by the SQL reader,
/// one schema history over all of them in version order, and the same rule decisions the analyzers call. So a widening
/// the history shows to be safe is safe here too, and SQL no analyzer could see (helpers, loops, embedded scripts,
/// .sql migrations) is judged by the same rules.
/// </summary>
internal static class RenderedSqlJudge
{
    /// <summary>The verdicts of every migration that has not shipped, by version; shipped ones only feed the history.</summary>
    public static Dictionary<long, IReadOnlyList<Verdict>> Judge(IReadOnlyList<RenderedMigration> rendered, JudgeSettings settings)
    {
        var migrations = rendered.Select(RenderedOperations.Read).ToList();
        var timeline = SchemaTimeline.Build(migrations);
        return migrations.Where(migration => !settings.IsShipped(migration.Version))
            .ToDictionary(migration => migration.Version, migration => Distinct(MigrationJudge.Judge(migration, timeline, settings)));
    }

    /// <summary>One finding per rule and message: FluentMigrator renders some expressions as several equal statements.</summary>
    private static IReadOnlyList<Verdict> Distinct(List<Verdict> verdicts) =>
        verdicts.GroupBy(verdict => (verdict.RuleId, verdict.Message)).Select(group => group.First()).ToList();
}

