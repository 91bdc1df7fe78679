using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM003: DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE. Decided in Migrations.Safety (Rules/Decisions/DropIndexNotConcurrent.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DropIndexConcurrentlyAnalyzer : OperationRuleAnalyzer
{
    public DropIndexConcurrentlyAnalyzer()
        : base(RuleIds.DropIndexNotConcurrent)
    {
    }
}
