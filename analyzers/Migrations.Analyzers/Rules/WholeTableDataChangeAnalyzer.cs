using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM014: an UPDATE or DELETE of every row locks them all for the whole transaction. Decided in Migrations.Safety (Rules/Decisions/WholeTableDataChange.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WholeTableDataChangeAnalyzer : OperationRuleAnalyzer
{
    public WholeTableDataChangeAnalyzer()
        : base(RuleIds.WholeTableDataChange)
    {
    }
}
