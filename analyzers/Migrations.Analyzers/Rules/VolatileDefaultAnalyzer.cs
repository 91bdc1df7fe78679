using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM010: a column added with a volatile default rewrites the table. Decided in Migrations.Safety (Rules/Decisions/VolatileDefaultRewrites.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VolatileDefaultAnalyzer : OperationRuleAnalyzer
{
    public VolatileDefaultAnalyzer()
        : base(RuleIds.VolatileDefaultRewrites)
    {
    }
}
