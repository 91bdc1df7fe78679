using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM005: a CHECK added without NOT VALID scans the table under ACCESS EXCLUSIVE. Decided in Migrations.Safety (Rules/Decisions/CheckConstraintValidated.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CheckConstraintValidatedAnalyzer : OperationRuleAnalyzer
{
    public CheckConstraintValidatedAnalyzer()
        : base(RuleIds.CheckConstraintValidated)
    {
    }
}
