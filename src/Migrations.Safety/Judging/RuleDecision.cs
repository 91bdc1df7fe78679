using System.Collections.Generic;
using Migrations.Safety.Model;

namespace Migrations.Safety.Judging;

/// <summary>
/// One rule's decision, written once and called by both layers: the analyzers with the C# reader's operations, the
/// build with the rendered SQL's. It sees one operation at a time and asks <see cref="JudgeContext"/> for the rest.
/// </summary>
public abstract class RuleDecision
{
    protected RuleDecision(string ruleId, params OperationKind[] kinds)
    {
        RuleId = ruleId;
        Kinds = kinds;
    }

    public string RuleId { get; }

    /// <summary>The operations the rule looks at; it is not asked about any other.</summary>
    public IReadOnlyList<OperationKind> Kinds { get; }

    public abstract void Decide(Operation operation, JudgeContext context);

    protected void Report(JudgeContext context, OperationPart part, params object?[] arguments) => context.Report(RuleId, part, arguments);
}
