using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM030: dropping a column loses its data and breaks running code that reads it.</summary>
internal sealed class DropColumn : RuleDecision
{
    public DropColumn()
        : base(RuleIds.DropColumn, OperationKind.DropColumn)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        // A column this change added has no data and no running code that reads it yet.
        if (operation.Table != null && operation.Column != null && !context.IsNewTable(operation.Table) && !context.IsNewColumn(operation.Table, operation.Column))
        {
            Report(context, OperationPart.Whole, operation.Column, JudgeContext.NameOf(operation.Table));
        }
    }
}
