using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM006: validating in the transaction that added the constraint NOT VALID keeps the add's lock for the whole scan.</summary>
internal sealed class ValidateInSameTransaction : RuleDecision
{
    public ValidateInSameTransaction()
        : base(RuleIds.ValidateInSameTransaction, OperationKind.ValidateConstraint)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if (operation.Table == null || operation.ObjectName == null || !JudgeContext.InTransaction(operation) || context.IsNewTable(operation.Table))
        {
            return;
        }

        var added = context.Constraint(operation.Table, operation.ObjectName);
        if (added != null && !added.Validated && added.AddedIn == context.Migration.Version && added.AddedInTransaction == operation.TransactionId)
        {
            Report(context, OperationPart.Whole, operation.ObjectName);
        }
    }
}
