using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM016: SET TABLESPACE/LOGGED/ACCESS METHOD rewrite the table; trigger changes block writes. Decided in Migrations.Safety (Rules/Decisions/TableRewriteOrTriggerChange.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TableRewriteOrTriggerChangeAnalyzer : OperationRuleAnalyzer
{
    public TableRewriteOrTriggerChangeAnalyzer()
        : base(RuleIds.TableRewriteOrTriggerChange)
    {
    }
}
