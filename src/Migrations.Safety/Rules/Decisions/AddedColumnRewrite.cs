using Migrations.Safety.Judging;
using Migrations.Safety.Model;
using Migrations.Safety.Sql;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>
/// What ADD COLUMN to a table with rows costs, decided in one place because the four outcomes exclude each other:
/// identity (PGM013) and stored generated columns (PGM012) rewrite the table; so does a volatile default, or any
/// default before PostgreSQL 11 (PGM010); a NOT NULL column without a default fails on the first row (PGM011).
/// </summary>
internal static class AddedColumnRewrite
{
    public static string? RuleFor(ColumnDefinition column, int postgresVersion)
    {
        if (column.Identity)
        {
            return RuleIds.IdentityColumnOnExistingTable;
        }

        if (column.StoredGenerated)
        {
            return RuleIds.StoredGeneratedColumn;
        }

        if (column.Default != null && (postgresVersion < 11 || PostgresFunctions.IsVolatileExpression(column.Default)))
        {
            return RuleIds.VolatileDefaultRewrites;
        }

        return column.NotNull && column.Default == null ? RuleIds.NotNullColumnWithoutDefault : null;
    }

    /// <summary>Reports <paramref name="ruleId"/> when it is the outcome for this ADD COLUMN on a table with rows.</summary>
    public static void Decide(string ruleId, OperationPart part, Operation operation, JudgeContext context)
    {
        var column = operation.Definition;
        if (column == null || context.IsNewTable(operation.Table) || RuleFor(column, context.PostgresVersion) != ruleId)
        {
            return;
        }

        var table = JudgeContext.NameOf(operation.Table);
        if (ruleId == RuleIds.VolatileDefaultRewrites)
        {
            context.Report(ruleId, part, column.Name, table, column.DefaultDisplay ?? column.Default);
        }
        else
        {
            context.Report(ruleId, part, column.Name, table);
        }
    }
}

/// <summary>PGM010: ADD COLUMN with a volatile default (any default before 11) rewrites the table.</summary>
internal sealed class VolatileDefaultRewrites : RuleDecision
{
    public VolatileDefaultRewrites()
        : base(RuleIds.VolatileDefaultRewrites, OperationKind.AddColumn)
    {
    }

    public override void Decide(Operation operation, JudgeContext context) =>
        AddedColumnRewrite.Decide(RuleId, OperationPart.Default, operation, context);
}
