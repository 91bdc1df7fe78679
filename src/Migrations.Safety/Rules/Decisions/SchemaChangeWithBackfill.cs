using System.Linq;
using Migrations.Safety.Judging;
using Migrations.Safety.Model;
using Migrations.Safety.Sql;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>
/// PGM108: a data backfill in the transaction that changed the table's schema holds the DDL lock (ACCESS EXCLUSIVE,
/// or SHARE for an index) until the backfill ends. Raw SQL UPDATEs count as much as fluent ones.
/// </summary>
internal sealed class SchemaChangeWithBackfill : RuleDecision
{
    private static readonly OperationKind[] SchemaChanges =
    {
        OperationKind.AddColumn, OperationKind.DropColumn, OperationKind.RenameColumn, OperationKind.AlterColumnType, OperationKind.SetNotNull,
        OperationKind.DropNotNull, OperationKind.AddConstraint, OperationKind.DropConstraint, OperationKind.ValidateConstraint, OperationKind.CreateIndex,
        OperationKind.RewriteTable, OperationKind.CreateTrigger, OperationKind.EnableOrDisableTrigger,
    };

    public SchemaChangeWithBackfill()
        : base(RuleIds.SchemaChangeWithBackfill, OperationKind.UpdateRows, OperationKind.DeleteRows)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if (operation.Table == null || !JudgeContext.InTransaction(operation) || context.IsNewTable(operation.Table))
        {
            return;
        }

        var key = SchemaTimeline.TableKey(operation.Table);
        var changed = context.Earlier().Any(earlier => earlier.TransactionId == operation.TransactionId && earlier.Table != null
            && System.Array.IndexOf(SchemaChanges, earlier.Kind) >= 0 && !(earlier.Kind == OperationKind.CreateIndex && earlier.Concurrently)
            && SqlName.Comparer.Equals(SchemaTimeline.TableKey(earlier.Table), key));
        if (changed)
        {
            Report(context, OperationPart.Whole, context.Migration.Name, JudgeContext.NameOf(operation.Table));
        }
    }
}
