using System.Linq;
using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>PGM035: TRUNCATE deletes every row (CASCADE reaches other tables).</summary>
internal sealed class Truncate : RuleDecision
{
    public Truncate()
        : base(RuleIds.Truncate, OperationKind.Truncate)
    {
    }

    public override void Decide(Operation operation, JudgeContext context)
    {
        var tables = operation.Tables.Count > 0 ? operation.Tables : operation.Table == null ? new Sql.SqlName[0] : new[] { operation.Table };
        if (tables.Count == 0 || tables.Any(table => !context.IsNewTable(table)))
        {
            Report(context, OperationPart.Whole, string.Join(", ", tables.Select(table => table.Name)));
        }
    }
}
