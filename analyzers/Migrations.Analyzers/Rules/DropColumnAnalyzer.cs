using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM030: dropping a column loses its data and breaks running code. Decided in Migrations.Safety (Rules/Decisions/DropColumn.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DropColumnAnalyzer : OperationRuleAnalyzer
{
    public DropColumnAnalyzer()
        : base(RuleIds.DropColumn)
    {
    }
}
