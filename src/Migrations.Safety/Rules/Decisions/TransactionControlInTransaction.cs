using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>
/// PGM017: COMMIT/ROLLBACK/BEGIN inside a transactional migration end its transaction midway. In a
/// TransactionBehavior.None migration explicit grouping is how statements are grouped on purpose.
/// </summary>
internal sealed class TransactionControlInTransaction : RuleDecision
{
    public TransactionControlInTransaction()
        : base(RuleIds.TransactionControlInTransaction, OperationKind.TransactionControl)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if (context.Migration.Transactional)
        {
            Report(context, OperationPart.Whole, operation.Description ?? "COMMIT");
        }
    }
}
