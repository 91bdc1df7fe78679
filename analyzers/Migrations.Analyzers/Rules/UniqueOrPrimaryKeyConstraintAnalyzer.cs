using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM007: UNIQUE or PRIMARY KEY without USING INDEX builds its index under ACCESS EXCLUSIVE. Decided in Migrations.Safety (Rules/Decisions/UniqueOrPrimaryKeyOnExistingTable.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UniqueOrPrimaryKeyConstraintAnalyzer : OperationRuleAnalyzer
{
    public UniqueOrPrimaryKeyConstraintAnalyzer()
        : base(RuleIds.UniqueOrPrimaryKeyOnExistingTable)
    {
    }
}
