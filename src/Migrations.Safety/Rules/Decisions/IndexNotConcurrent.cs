using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM001: CREATE INDEX without CONCURRENTLY on a table that has rows takes SHARE for the whole build.</summary>
internal sealed class IndexNotConcurrent : RuleDecision
{
    public IndexNotConcurrent()
        : base(RuleIds.IndexNotConcurrent, OperationKind.CreateIndex)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if (!operation.Concurrently && !context.IsNewTable(operation.Table))
        {
            Report(context, OperationPart.Index, operation.ObjectName ?? "(unnamed)", JudgeContext.NameOf(operation.Table));
        }
    }
}
