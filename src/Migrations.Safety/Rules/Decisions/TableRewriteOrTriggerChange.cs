using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM016: SET TABLESPACE/LOGGED/UNLOGGED/ACCESS METHOD rewrite the table; trigger changes block writes.</summary>
internal sealed class TableRewriteOrTriggerChange : RuleDecision
{
    private const string BlocksWrites = "takes a SHARE ROW EXCLUSIVE lock that blocks writes";

    public TableRewriteOrTriggerChange()
        : base(RuleIds.TableRewriteOrTriggerChange, OperationKind.RewriteTable, OperationKind.CreateTrigger, OperationKind.EnableOrDisableTrigger)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if (context.IsNewTable(operation.Table))
        {
            return;
        }

        var effect = operation.Kind == OperationKind.RewriteTable ? "rewrites the table under an ACCESS EXCLUSIVE lock" : BlocksWrites;
        Report(context, OperationPart.Whole, operation.Description ?? operation.Kind.ToString(), JudgeContext.NameOf(operation.Table), effect);
    }
}
