using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM030: dropping a column breaks running code that reads it and loses its data.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DropColumnAnalyzer : MigrationAnalyzer
    {
        public DropColumnAnalyzer()
            : base(RuleIds.DropColumn)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "Column" }, call =>
            {
                if (!call.Is(call.Symbols.DeleteRoot, "Column"))
                {
                    return;
                }

                var expression = call.Expression();
                if (expression?.Table == null || call.IsNewTable(expression.Table, expression.Schema))
                {
                    return;
                }

                foreach (var columnCall in expression.Chain.Calls)
                {
                    var isColumn = columnCall == expression.Chain.Root || call.Symbols.IsBuilderMethod(columnCall.TargetMethod, "Column");
                    var column = isColumn ? FluentChain.FirstString(columnCall) : null;
                    if (column != null)
                    {
                        call.Report(RuleIds.DropColumn, expression.Location, column, expression.Table);
                    }
                }
            });
    }
}
