using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM031: renaming a column breaks running code that uses the old name.</summary>
internal sealed class RenameColumn : RuleDecision
{
    public RenameColumn()
        : base(RuleIds.RenameColumn, OperationKind.RenameColumn)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if (operation.Table != null && operation.Column != null && !context.IsNewTable(operation.Table) && !context.IsNewColumn(operation.Table, operation.Column))
        {
            Report(context, OperationPart.Whole, operation.Column, JudgeContext.NameOf(operation.Table));
        }
    }
}
