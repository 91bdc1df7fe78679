using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM017: COMMIT or ROLLBACK inside a transactional migration ends its transaction midway. Decided in Migrations.Safety (Rules/Decisions/TransactionControlInTransaction.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TransactionControlInTransactionAnalyzer : OperationRuleAnalyzer
{
    public TransactionControlInTransactionAnalyzer()
        : base(RuleIds.TransactionControlInTransaction)
    {
    }
}
