using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM033: dropping a table loses its data and breaks running code that uses it.</summary>
internal sealed class DropTable : RuleDecision
{
    public DropTable()
        : base(RuleIds.DropTable, OperationKind.DropTable)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if (!context.IsNewTable(operation.Table))
        {
            Report(context, OperationPart.Whole, JudgeContext.NameOf(operation.Table));
        }
    }
}
