using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM035: TRUNCATE deletes every row. Decided in Migrations.Safety (Rules/Decisions/Truncate.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TruncateAnalyzer : OperationRuleAnalyzer
{
    public TruncateAnalyzer()
        : base(RuleIds.Truncate)
    {
    }
}
