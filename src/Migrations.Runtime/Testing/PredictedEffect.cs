using Migrations.Runtime.Rendering;
using Migrations.Runtime.Schema;
using Migrations.Safety.Rules;
using Migrations.Safety.Sql;

namespace Migrations.Runtime.Testing;

/// <summary>
/// What a PGM rule found in a migration's rendered Up SQL says PostgreSQL will do to a table: at least this lock,
/// and maybe a rewrite. <c>test</c> checks each prediction against what the migration really did.
/// </summary>
public sealed record PredictedEffect(string RuleId, string Table, string? MinimumLock, bool Rewrite, string Message)
{
    /// <summary>The observable consequence of each rule; rules about running code (PGM03x) predict nothing observable.</summary>
    private static readonly Dictionary<string, (string? Lock, bool Rewrite)> Effects = new(StringComparer.OrdinalIgnoreCase)
    {
        [RuleIds.IndexNotConcurrent] = (LockModes.Share, false),
        [RuleIds.DropIndexNotConcurrent] = (LockModes.AccessExclusive, false),
        [RuleIds.ForeignKeyValidated] = (LockModes.ShareRowExclusive, false),
        [RuleIds.CheckConstraintValidated] = (LockModes.AccessExclusive, false),
        // CREATE UNIQUE INDEX takes SHARE, ADD CONSTRAINT … UNIQUE ACCESS EXCLUSIVE: both block writes.
        [RuleIds.UniqueOrPrimaryKeyOnExistingTable] = (LockModes.Share, false),
        [RuleIds.SetNotNullScansTable] = (LockModes.AccessExclusive, false),
        [RuleIds.ColumnTypeChangeRewrites] = (LockModes.AccessExclusive, true),
        [RuleIds.VolatileDefaultRewrites] = (LockModes.AccessExclusive, true),
        [RuleIds.StoredGeneratedColumn] = (LockModes.AccessExclusive, true),
        [RuleIds.IdentityColumnOnExistingTable] = (LockModes.AccessExclusive, true),
        [RuleIds.Truncate] = (LockModes.AccessExclusive, true),
    };

    /// <param name="before">The live schema before the migration: gives the rules the current column types, so a type change that does not rewrite is not predicted to.</param>
    public static IReadOnlyList<PredictedEffect> For(RenderedMigration rendered, string defaultSchema, SchemaSnapshot before)
    {
        var predictions = new List<PredictedEffect>();
        var context = new SqlLintContext
        {
            InTransaction = rendered.Migration.IsTransactional,
            ColumnTypeResolver = (schema, table, column) => before.ColumnType(schema ?? defaultSchema, table, column),
        };
        // Comments are trivia to the linter: a statement that opens with one (every Prisma file) is still predicted.
        foreach (var statement in rendered.Up)
        {
            foreach (var finding in SqlLinter.Lint(statement, context))
            {
                (string? Lock, bool Rewrite) effect = Effects.TryGetValue(finding.RuleId, out var known) ? known
                    : finding.RuleId == RuleIds.TableRewriteOrTriggerChange && finding.Message.Contains("rewrite", StringComparison.OrdinalIgnoreCase) ? (LockModes.AccessExclusive, true)
                    : (null, false);
                var table = TableOf(finding.StatementText);
                if ((effect.Lock is null && !effect.Rewrite) || table is null)
                {
                    continue;
                }

                predictions.Add(new PredictedEffect(finding.RuleId, $"{table.Schema ?? defaultSchema}.{table.Name}", effect.Lock, effect.Rewrite, finding.Message));
            }
        }

        return predictions.Distinct().ToList();
    }

    private static SqlName? TableOf(string statementText) =>
        SqlStatementSplitter.Split(statementText).Select(SqlStatementClassifier.Classify).Select(statement => statement.Table).FirstOrDefault(table => table is not null);
}
