using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM004: a foreign key added without NOT VALID checks every row while writes to both tables wait.</summary>
internal sealed class ForeignKeyValidated : RuleDecision
{
    public ForeignKeyValidated()
        : base(RuleIds.ForeignKeyValidated, OperationKind.AddConstraint)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if (operation.Constraint == ConstraintKind.ForeignKey && !operation.NotValid && !context.IsNewTable(operation.Table))
        {
            Report(context, OperationPart.ForeignKey, operation.ObjectName ?? "(unnamed)", JudgeContext.NameOf(operation.Table));
        }
    }
}
