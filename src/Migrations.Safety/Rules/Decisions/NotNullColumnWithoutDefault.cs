using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM011: a NOT NULL column without a default cannot be added to a table that has rows.</summary>
internal sealed class NotNullColumnWithoutDefault : RuleDecision
{
    public NotNullColumnWithoutDefault()
        : base(RuleIds.NotNullColumnWithoutDefault, OperationKind.AddColumn)
    {
    }

    public override void Decide(Operation operation, JudgeContext context) =>
        AddedColumnRewrite.Decide(RuleId, OperationPart.Whole, operation, context);
}
