using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM008: SET NOT NULL scans the table under ACCESS EXCLUSIVE unless a validated check proves it. Decided in Migrations.Safety (Rules/Decisions/SetNotNullScansTable.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SetNotNullAnalyzer : OperationRuleAnalyzer
{
    public SetNotNullAnalyzer()
        : base(RuleIds.SetNotNullScansTable)
    {
    }
}
