using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM011: a NOT NULL column without a default cannot be added to a table with rows. Decided in Migrations.Safety (Rules/Decisions/NotNullColumnWithoutDefault.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NotNullColumnWithoutDefaultAnalyzer : OperationRuleAnalyzer
{
    public NotNullColumnWithoutDefaultAnalyzer()
        : base(RuleIds.NotNullColumnWithoutDefault)
    {
    }
}
