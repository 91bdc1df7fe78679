using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM004: a foreign key added without NOT VALID checks every row while writes wait. Decided in Migrations.Safety (Rules/Decisions/ForeignKeyValidated.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ValidatedForeignKeyAnalyzer : OperationRuleAnalyzer
{
    public ValidatedForeignKeyAnalyzer()
        : base(RuleIds.ForeignKeyValidated)
    {
    }
}
