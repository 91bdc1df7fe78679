using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM015: REINDEX, VACUUM FULL, CLUSTER, REFRESH and LOCK TABLE hold ACCESS EXCLUSIVE throughout. Decided in Migrations.Safety (Rules/Decisions/AccessExclusiveMaintenance.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AccessExclusiveMaintenanceAnalyzer : OperationRuleAnalyzer
{
    public AccessExclusiveMaintenanceAnalyzer()
        : base(RuleIds.AccessExclusiveMaintenance)
    {
    }
}
