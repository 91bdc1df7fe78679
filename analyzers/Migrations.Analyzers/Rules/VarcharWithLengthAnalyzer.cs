using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM052 (opt-in): varchar with a length limit. Decided in Migrations.Safety (Rules/Decisions/VarcharWithLength.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VarcharWithLengthAnalyzer : OperationRuleAnalyzer
{
    public VarcharWithLengthAnalyzer()
        : base(RuleIds.VarcharWithLength)
    {
    }
}
