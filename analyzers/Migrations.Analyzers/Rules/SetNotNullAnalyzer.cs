using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM008: making an existing column NOT NULL with the fluent API scans the table under ACCESS EXCLUSIVE.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SetNotNullAnalyzer : MigrationAnalyzer
    {
        private const string AlterColumnNote =
            " Alter.Column always emits ALTER COLUMN ... TYPE, which re-checks every CHECK constraint on the column with a full scan, so run the SET NOT NULL as raw SQL even after the check.";

        public SetNotNullAnalyzer()
            : base(RuleIds.SetNotNullScansTable)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, UpCall.ColumnStarts, call =>
            {
                var column = call.ExistingTableColumn(out var expression);
                var notNullable = column?.Option("NotNullable");
                if (column == null || notNullable == null || column.Nullable != false)
                {
                    return;
                }

                if (column.Change == ColumnChange.Alter)
                {
                    var version = call.Migration.Version;
                    var before = version == null ? null : call.Compilation.History.GetColumn(expression.Schema, expression.Table!, column.Name ?? string.Empty, version.Value);
                    if (before?.NotNull != true)
                    {
                        call.Report(RuleIds.SetNotNullScansTable, Locations.Call(notNullable), column.Name, expression.Table, AlterColumnNote);
                    }
                }
                else if (column.SetExistingRowsTo != null)
                {
                    // SetExistingRowsTo adds the column nullable, updates every row, then emits SET NOT NULL.
                    call.Report(RuleIds.SetNotNullScansTable, Locations.Call(notNullable), column.Name, expression.Table, string.Empty);
                }
            });
    }
}
