using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM013: an identity or serial column added to a table with rows rewrites it.</summary>
internal sealed class IdentityColumnOnExistingTable : RuleDecision
{
    public IdentityColumnOnExistingTable()
        : base(RuleIds.IdentityColumnOnExistingTable, OperationKind.AddColumn)
    {
    }

    public override void Decide(Operation operation, JudgeContext context) =>
        AddedColumnRewrite.Decide(RuleId, OperationPart.Identity, operation, context);
}
