using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM108: a backfill in the transaction that changed the table's schema holds the DDL lock. Decided in Migrations.Safety (Rules/Decisions/SchemaChangeWithBackfill.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SchemaChangeWithBackfillAnalyzer : OperationRuleAnalyzer
{
    public SchemaChangeWithBackfillAnalyzer()
        : base(RuleIds.SchemaChangeWithBackfill)
    {
    }
}
