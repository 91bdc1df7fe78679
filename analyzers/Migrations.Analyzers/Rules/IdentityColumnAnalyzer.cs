using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM013: an identity or serial column added to a table with rows rewrites it. Decided in Migrations.Safety (Rules/Decisions/IdentityColumnOnExistingTable.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IdentityColumnAnalyzer : OperationRuleAnalyzer
{
    public IdentityColumnAnalyzer()
        : base(RuleIds.IdentityColumnOnExistingTable)
    {
    }
}
