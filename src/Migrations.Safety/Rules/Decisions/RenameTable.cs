using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM032: renaming a table breaks running code that uses the old name.</summary>
internal sealed class RenameTable : RuleDecision
{
    public RenameTable()
        : base(RuleIds.RenameTable, OperationKind.RenameTable)
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
