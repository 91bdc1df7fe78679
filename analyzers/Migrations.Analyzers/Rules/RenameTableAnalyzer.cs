using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM032: renaming a table breaks running code that uses the old name.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RenameTableAnalyzer : MigrationAnalyzer
    {
        public RenameTableAnalyzer()
            : base(RuleIds.RenameTable)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "Table" }, call =>
            {
                if (!call.Is(call.Symbols.RenameRoot, "Table"))
                {
                    return;
                }

                var expression = call.Expression();
                if (expression?.Table != null && !call.IsNewTable(expression.Table, expression.Schema))
                {
                    call.Report(RuleIds.RenameTable, expression.Location, expression.Table);
                }
            });
    }
}
