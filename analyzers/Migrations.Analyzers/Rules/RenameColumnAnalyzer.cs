using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM031: renaming a column breaks running code that uses the old name.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RenameColumnAnalyzer : MigrationAnalyzer
    {
        public RenameColumnAnalyzer()
            : base(RuleIds.RenameColumn)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "Column" }, call =>
            {
                if (!call.Is(call.Symbols.RenameRoot, "Column"))
                {
                    return;
                }

                var expression = call.Expression();
                if (expression?.Table != null && !call.IsNewTable(expression.Table, expression.Schema))
                {
                    call.Report(RuleIds.RenameColumn, expression.Location, expression.Name, expression.Table);
                }
            });
    }
}
