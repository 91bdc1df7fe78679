using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM006: validating in the transaction that added the constraint keeps its strong lock for the scan. Decided in Migrations.Safety (Rules/Decisions/ValidateInSameTransaction.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ValidateInSameTransactionAnalyzer : OperationRuleAnalyzer
{
    public ValidateInSameTransactionAnalyzer()
        : base(RuleIds.ValidateInSameTransaction)
    {
    }
}
