using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM033: dropping a table loses its data and breaks running code that still uses it.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DropTableAnalyzer : MigrationAnalyzer
    {
        public DropTableAnalyzer()
            : base(RuleIds.DropTable)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "Table" }, call =>
            {
                if (!call.Is(call.Symbols.DeleteRoot, "Table"))
                {
                    return;
                }

                var expression = call.Expression();
                if (expression?.Table != null && !call.IsNewTable(expression.Table, expression.Schema))
                {
                    call.Report(RuleIds.DropTable, expression.Location, expression.Table);
                }
            });
    }
}
