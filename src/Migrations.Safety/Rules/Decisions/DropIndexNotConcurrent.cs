using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM003: DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table and queues behind every reader.</summary>
internal sealed class DropIndexNotConcurrent : RuleDecision
{
    public DropIndexNotConcurrent()
        : base(RuleIds.DropIndexNotConcurrent, OperationKind.DropIndex)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if (operation.Concurrently || operation.ObjectName == null)
        {
            return;
        }

        // An index of a table that is still empty (created by this change) is dropped in no time.
        var index = context.Index(operation.Table?.Schema, operation.ObjectName);
        if ((index != null && context.IsNewTable(index.TableKey)) || context.IsNewTable(operation.Table))
        {
            return;
        }

        Report(context, OperationPart.Whole, operation.ObjectName);
    }
}
