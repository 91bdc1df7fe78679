using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM031: renaming a column breaks running code. Decided in Migrations.Safety (Rules/Decisions/RenameColumn.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RenameColumnAnalyzer : OperationRuleAnalyzer
{
    public RenameColumnAnalyzer()
        : base(RuleIds.RenameColumn)
    {
    }
}
