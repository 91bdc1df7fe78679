using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM014: UPDATE/DELETE of every row locks them all for the whole transaction.</summary>
internal sealed class WholeTableDataChange : RuleDecision
{
    public WholeTableDataChange()
        : base(RuleIds.WholeTableDataChange, OperationKind.UpdateRows, OperationKind.DeleteRows)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if (!operation.HasWhere && !context.IsNewTable(operation.Table))
        {
            var what = operation.Description ?? (operation.Kind == OperationKind.UpdateRows ? "UPDATE" : "DELETE") + " without a WHERE clause";
            Report(context, OperationPart.Whole, what, JudgeContext.NameOf(operation.Table));
        }
    }
}
