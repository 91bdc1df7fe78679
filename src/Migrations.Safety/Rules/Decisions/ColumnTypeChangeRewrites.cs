using Migrations.Safety.Judging;
using Migrations.Safety.Model;
using Migrations.Safety.Sql;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>
/// PGM009: ALTER COLUMN … TYPE rewrites the table unless the change is binary-compatible with the column's type as the
/// history knows it (varchar widening, varchar → text, numeric precision at the same scale …). USING always rewrites.
/// </summary>
internal sealed class ColumnTypeChangeRewrites : RuleDecision
{
    public ColumnTypeChangeRewrites()
        : base(RuleIds.ColumnTypeChangeRewrites, OperationKind.AlterColumnType)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if (operation.Table == null || operation.Column == null || operation.NewType == null || context.IsNewTable(operation.Table))
        {
            return;
        }

        var current = context.Column(operation.Table, operation.Column)?.Type;
        string change;
        if (current == null)
        {
            change = "to " + operation.NewType + " (the migrations do not show its current type, so a rewrite is assumed)";
        }
        else if (operation.UsingExpression || PostgresTypes.ClassifyChange(current, operation.NewType) == TypeChange.Rewrite)
        {
            change = "from " + PostgresTypes.Normalize(current) + " to " + PostgresTypes.Normalize(operation.NewType);
        }
        else
        {
            return;
        }

        Report(context, OperationPart.Type, operation.Column, JudgeContext.NameOf(operation.Table), change);
    }
}
