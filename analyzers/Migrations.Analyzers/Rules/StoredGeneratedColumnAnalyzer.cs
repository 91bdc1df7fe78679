using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM012: .Computed(expr, stored: true) added to an existing table rewrites it.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StoredGeneratedColumnAnalyzer : MigrationAnalyzer
    {
        public StoredGeneratedColumnAnalyzer()
            : base(RuleIds.StoredGeneratedColumn)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, UpCall.ColumnStarts, call =>
            {
                var column = call.ExistingTableColumn(out var expression);
                var computed = column?.Option("Computed");
                if (column != null && column.Change == ColumnChange.Add && computed != null && FluentChain.Argument(computed, "stored") is true)
                {
                    call.Report(RuleIds.StoredGeneratedColumn, Locations.Call(computed), column.Name, expression.Table);
                }
            });
    }
}
