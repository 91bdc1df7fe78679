using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>
/// PGM109: a concurrent index whose name PostgreSQL picks cannot be found after a failed build, so a retry leaves the
/// INVALID one behind. FluentMigrator's conventions name unnamed indexes, so this concerns raw SQL.
/// </summary>
internal sealed class ConcurrentIndexWithoutName : RuleDecision
{
    public ConcurrentIndexWithoutName()
        : base(RuleIds.ConcurrentIndexWithoutName, OperationKind.CreateIndex)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if (operation.Concurrently && operation.ObjectName == null)
        {
            Report(context, OperationPart.Index, JudgeContext.NameOf(operation.Table));
        }
    }
}
