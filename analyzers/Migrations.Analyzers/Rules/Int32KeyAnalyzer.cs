using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM050: a 32-bit integer key can run out. Decided in Migrations.Safety (Rules/Decisions/Int32Key.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class Int32KeyAnalyzer : OperationRuleAnalyzer
{
    public Int32KeyAnalyzer()
        : base(RuleIds.Int32Key)
    {
    }
}
