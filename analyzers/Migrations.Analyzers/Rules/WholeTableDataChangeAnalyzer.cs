using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM014: AllRows() updates and deletes, and SetExistingRowsTo(), lock every row of an existing table in the migration transaction.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WholeTableDataChangeAnalyzer : MigrationAnalyzer
    {
        public WholeTableDataChangeAnalyzer()
            : base(RuleIds.WholeTableDataChange)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "AllRows", "AddColumn", "AlterColumn", "Column" }, call =>
            {
                var symbols = call.Symbols;
                var isUpdate = call.Is(symbols.UpdateWhereSyntax, "AllRows");
                if (isUpdate || call.Is(symbols.DeleteDataSyntax, "AllRows"))
                {
                    var expression = call.Expression();
                    if (expression?.Table != null && !call.IsNewTable(expression.Table, expression.Schema))
                    {
                        var what = isUpdate ? "Update.Table(..).AllRows()" : "Delete.FromTable(..).AllRows()";
                        call.Report(RuleIds.WholeTableDataChange, Locations.Call(call.Invocation), what, expression.Table);
                    }

                    return;
                }

                var column = call.ExistingTableColumn(out var columnExpression);
                var setExisting = column?.SetExistingRowsTo;
                if (setExisting != null)
                {
                    call.Report(RuleIds.WholeTableDataChange, Locations.Call(setExisting), "SetExistingRowsTo(..)", columnExpression.Table);
                }
            });
    }
}
