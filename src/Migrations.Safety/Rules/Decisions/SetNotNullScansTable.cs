using System.Linq;
using Migrations.Safety.Judging;
using Migrations.Safety.Model;
using Migrations.Safety.Sql;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>
/// PGM008: SET NOT NULL scans the whole table under ACCESS EXCLUSIVE, unless the column is NOT NULL already or (12+)
/// a validated CHECK (col IS NOT NULL) proves it — and no TYPE clause in the same statement re-checks the CHECKs.
/// </summary>
internal sealed class SetNotNullScansTable : RuleDecision
{
    public SetNotNullScansTable()
        : base(RuleIds.SetNotNullScansTable, OperationKind.SetNotNull)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        if (operation.Table == null || operation.Column == null || context.IsNewTable(operation.Table))
        {
            return;
        }

        var column = context.Column(operation.Table, operation.Column);
        if (column?.NotNull == true)
        {
            // Already NOT NULL (a key, or restated): PostgreSQL has nothing to check.
            return;
        }

        var retyped = context.SameStatement().Any(other => other.Kind == OperationKind.AlterColumnType && SqlName.Comparer.Equals(other.Column, operation.Column));
        string note;
        if (context.PostgresVersion < 12)
        {
            note = " PostgreSQL " + context.PostgresVersion + " scans even with a validated check; upgrade to 12+ for the scan-free recipe.";
        }
        else if (column?.ValidatedNotNullCheck == true)
        {
            if (!retyped)
            {
                return;
            }

            note = " The TYPE clause in the same statement (Alter.Column always writes one) re-checks every CHECK constraint on the column with a full scan: run the SET NOT NULL as raw SQL, without TYPE.";
        }
        else
        {
            note = retyped
                ? " A TYPE clause in the same statement (Alter.Column always writes one) would re-check every CHECK constraint with a full scan even after that, so run the SET NOT NULL as raw SQL."
                : string.Empty;
        }

        Report(context, OperationPart.NotNull, operation.Column, JudgeContext.NameOf(operation.Table), note);
    }
}
