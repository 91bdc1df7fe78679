using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM009: a column type change that is not binary-compatible rewrites the table. Decided in Migrations.Safety (Rules/Decisions/ColumnTypeChangeRewrites.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ColumnTypeChangeAnalyzer : OperationRuleAnalyzer
{
    public ColumnTypeChangeAnalyzer()
        : base(RuleIds.ColumnTypeChangeRewrites)
    {
    }
}
