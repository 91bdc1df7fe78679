using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM034: dropping or renaming a schema, or moving a table to another, breaks the names running code uses.</summary>
internal sealed class DropOrMoveSchema : RuleDecision
{
    public DropOrMoveSchema()
        : base(RuleIds.DropOrMoveSchema, OperationKind.DropSchema, OperationKind.RenameSchema, OperationKind.MoveTableToSchema)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        switch (operation.Kind)
        {
            case OperationKind.DropSchema:
                Report(context, OperationPart.Whole, "Dropping schema '" + operation.ObjectName + "'");
                break;
            case OperationKind.RenameSchema:
                Report(context, OperationPart.Whole, "Renaming schema '" + operation.ObjectName + "'");
                break;
            case OperationKind.MoveTableToSchema when !context.IsNewTable(operation.Table):
                Report(context, OperationPart.Whole, "Moving table '" + JudgeContext.NameOf(operation.Table) + "' to schema '" + operation.NewName + "'");
                break;
        }
    }
}
