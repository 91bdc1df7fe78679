using System.Collections.Generic;
using Migrations.Safety.Rules;

namespace Migrations.Safety.Sql;

/// <summary>A rule violated by one statement; <see cref="Offset"/> is relative to the linted text.</summary>
public sealed class SqlFinding
{
    public SqlFinding(string ruleId, string message, int offset, int length, string statementText, object[]? arguments = null)
    {
        Arguments = arguments ?? new object[0];
        RuleId = ruleId;
        Message = message;
        Offset = offset;
        Length = length;
        StatementText = statementText;
    }

    public string RuleId { get; }

    public Rule Rule => RuleCatalog.Get(RuleId);

    public string Message { get; }

    /// <summary>The arguments <see cref="Message"/> was formatted from with the rule's message format.</summary>
    public IReadOnlyList<object> Arguments { get; }

    public int Offset { get; }

    public int Length { get; }

    public string StatementText { get; }

    public override string ToString() => RuleId + ": " + Message;
}
