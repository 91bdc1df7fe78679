using Migrations.Runtime.Rendering;
using Migrations.Runtime.Schema;
using Migrations.Safety.Judging;
using Migrations.Safety.Model;
using Migrations.Safety.Sql;

namespace Migrations.Runtime.Testing;

/// <summary>
/// What a PGM rule found in a migration's rendered Up SQL says PostgreSQL will do to a table: at least this lock, and
/// maybe a rewrite — the catalog's prediction for the rule. <c>test</c> checks each against what the migration really did.
/// </summary>
public sealed record PredictedEffect(string RuleId, string Table, string? MinimumLock, bool Rewrite, string Message)
{
    /// <param name="before">The live schema before the migration: gives the rules the columns as they are, so a type change that does not rewrite is not predicted to.</param>
    public static IReadOnlyList<PredictedEffect> For(RenderedMigration rendered, string defaultSchema, SchemaSnapshot before)
    {
        var migration = RenderedOperations.Read(rendered);
        var timeline = SchemaTimeline.Build([migration], new LiveSchema(before, defaultSchema));
        return From(MigrationJudge.Judge(migration, timeline), defaultSchema);
    }

    /// <summary>The observable part of the rules' verdicts on one migration ('report' without test: the build's verdicts).</summary>
    public static IReadOnlyList<PredictedEffect> From(IEnumerable<Verdict> verdicts, string defaultSchema)
    {
        var predictions = new List<PredictedEffect>();
        foreach (var verdict in verdicts)
        {
            // The one refinement of the catalog's per-rule fact: PGM016 rewrites for SET TABLESPACE/LOGGED/ACCESS METHOD only.
            var rewrite = verdict.Rule.PredictedRewrite || verdict.Operation.Kind == OperationKind.RewriteTable;
            var table = verdict.Operation.Table;
            if ((verdict.Rule.PredictedLock is null && !rewrite) || table is null || table.IsComputed)
            {
                continue;
            }

            predictions.Add(new PredictedEffect(verdict.RuleId, $"{table.Schema ?? defaultSchema}.{table.Name}", verdict.Rule.PredictedLock, rewrite, verdict.Message));
        }

        return predictions.Distinct().ToList();
    }

    /// <summary>The database as it is before the migration, for the columns the rules ask about.</summary>
    private sealed class LiveSchema(SchemaSnapshot snapshot, string defaultSchema) : PriorSchema
    {
        public override ColumnState? Column(string? schema, string table, string column) =>
            snapshot.Column(schema ?? defaultSchema, table, column) is { } live ? new ColumnState(PostgresTypes.Normalize(live.Type), live.NotNull, false, 0) : null;
    }
}
