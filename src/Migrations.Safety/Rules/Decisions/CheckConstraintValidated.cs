using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM005: a CHECK added without NOT VALID scans the table under ACCESS EXCLUSIVE.</summary>
internal sealed class CheckConstraintValidated : RuleDecision
{
    public CheckConstraintValidated()
        : base(RuleIds.CheckConstraintValidated, OperationKind.AddConstraint)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if (operation.Constraint == ConstraintKind.Check && !operation.NotValid && !context.IsNewTable(operation.Table))
        {
            Report(context, OperationPart.Whole, operation.ObjectName ?? "(unnamed)", JudgeContext.NameOf(operation.Table));
        }
    }
}
