using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM012: a stored generated column added to a table with rows rewrites it.</summary>
internal sealed class StoredGeneratedColumn : RuleDecision
{
    public StoredGeneratedColumn()
        : base(RuleIds.StoredGeneratedColumn, OperationKind.AddColumn)
    {
    }

    public override void Decide(Operation operation, JudgeContext context) =>
        AddedColumnRewrite.Decide(RuleId, OperationPart.Whole, operation, context);
}
