using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM109: a concurrent index without a name cannot be found after a failed build. Decided in Migrations.Safety (Rules/Decisions/ConcurrentIndexWithoutName.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConcurrentIndexWithoutNameAnalyzer : OperationRuleAnalyzer
{
    public ConcurrentIndexWithoutNameAnalyzer()
        : base(RuleIds.ConcurrentIndexWithoutName)
    {
    }
}
