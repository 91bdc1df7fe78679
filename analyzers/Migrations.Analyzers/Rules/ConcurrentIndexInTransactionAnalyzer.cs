using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM002: CONCURRENTLY (or VACUUM) inside a transaction fails at deploy time. Decided in Migrations.Safety (Rules/Decisions/ConcurrentInTransaction.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConcurrentIndexInTransactionAnalyzer : OperationRuleAnalyzer
{
    public ConcurrentIndexInTransactionAnalyzer()
        : base(RuleIds.ConcurrentInTransaction)
    {
    }
}
