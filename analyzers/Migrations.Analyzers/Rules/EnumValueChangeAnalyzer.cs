using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM036: an enum value renamed, or added where it fails or cannot be used yet. Decided in Migrations.Safety (Rules/Decisions/EnumValueChange.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EnumValueChangeAnalyzer : OperationRuleAnalyzer
{
    public EnumValueChangeAnalyzer()
        : base(RuleIds.EnumValueChange)
    {
    }
}
