using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Safety.Rules.Decisions;

/// <summary>The type-hygiene rules: one question about each column an operation gives a type.</summary>
internal abstract class ColumnTypeRule : RuleDecision
{
    protected ColumnTypeRule(string ruleId)
        : base(ruleId, DefinedColumns.Kinds)
    {
    }

    public sealed override void Decide(Operation operation, JudgeContext context)
    {
        foreach (var column in DefinedColumns.Of(operation))
        {
            if (column.Type == null)
            {
                continue;
            }

            var arguments = Judge(column, column.Type);
            if (arguments != null)
            {
                // At the column's own type call when the reader knows it (the C# reader does), else the operation's.
                context.ReportAt(RuleId, column.Sources[OperationPart.Type], OperationPart.Type, arguments);
            }
        }
    }

    /// <summary>The message arguments when the column breaks the rule; null when it does not.</summary>
    protected abstract object?[]? Judge(ColumnDefinition column, string type);
}
