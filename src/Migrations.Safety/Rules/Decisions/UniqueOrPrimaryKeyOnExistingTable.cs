using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM007: UNIQUE / PRIMARY KEY without USING INDEX builds its index under ACCESS EXCLUSIVE.</summary>
internal sealed class UniqueOrPrimaryKeyOnExistingTable : RuleDecision
{
    public UniqueOrPrimaryKeyOnExistingTable()
        : base(RuleIds.UniqueOrPrimaryKeyOnExistingTable, OperationKind.AddConstraint)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if ((operation.Constraint == ConstraintKind.Unique || operation.Constraint == ConstraintKind.PrimaryKey)
            && !operation.UsingIndex && !context.IsNewTable(operation.Table))
        {
            var kind = operation.Constraint == ConstraintKind.Unique ? "UNIQUE" : "PRIMARY KEY";
            Report(context, OperationPart.Whole, kind, operation.ObjectName ?? "(unnamed)", JudgeContext.NameOf(operation.Table));
        }
    }
}
