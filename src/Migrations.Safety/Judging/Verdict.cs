using Migrations.Safety.Model;
using Migrations.Safety.Rules;

namespace Migrations.Safety.Judging;

/// <summary>One finding: which rule, on which operation, at which part of it, with the message's arguments.</summary>
public sealed class Verdict
{
    private readonly object? source;

    public Verdict(string ruleId, Operation operation, OperationPart part, object?[] arguments, object? source = null)
    {
        RuleId = ruleId;
        Operation = operation;
        Part = part;
        Arguments = arguments;
        this.source = source;
    }

    public string RuleId { get; }

    public Rule Rule => RuleCatalog.Get(RuleId);

    public Operation Operation { get; }

    public OperationPart Part { get; }

    public object?[] Arguments { get; }

    public string Message => Rule.FormatMessage(Arguments!);

    /// <summary>The reader's object to point at: the part when it is known, else the operation.</summary>
    public object? Source => source ?? Operation.SourceOf(Part);

    public override string ToString() => RuleId + ": " + Message;
}
