using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM033: dropping a table loses its data and breaks running code. Decided in Migrations.Safety (Rules/Decisions/DropTable.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DropTableAnalyzer : OperationRuleAnalyzer
{
    public DropTableAnalyzer()
        : base(RuleIds.DropTable)
    {
    }
}
