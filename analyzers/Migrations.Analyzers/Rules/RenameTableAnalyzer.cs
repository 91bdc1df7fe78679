using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM032: renaming a table breaks running code. Decided in Migrations.Safety (Rules/Decisions/RenameTable.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RenameTableAnalyzer : OperationRuleAnalyzer
{
    public RenameTableAnalyzer()
        : base(RuleIds.RenameTable)
    {
    }
}
