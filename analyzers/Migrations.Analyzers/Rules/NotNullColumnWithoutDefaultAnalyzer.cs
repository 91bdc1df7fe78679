using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>
    /// PGM011: a NOT NULL column without a default cannot be added to a table that has rows. FluentMigrator emits
    /// NOT NULL unless .Nullable() is called, so leaving nullability unstated counts too.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NotNullColumnWithoutDefaultAnalyzer : MigrationAnalyzer
    {
        public NotNullColumnWithoutDefaultAnalyzer()
            : base(RuleIds.NotNullColumnWithoutDefault)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, UpCall.ColumnStarts, call =>
            {
                var column = call.ExistingTableColumn(out var expression);
                if (column == null || column.Change != ColumnChange.Add || column.TypeCall == null || !column.IsNotNullWhenAdded
                    || column.Default != null || column.SetExistingRowsTo != null || column.IsIdentity || column.HasOption("Computed"))
                {
                    return;
                }

                call.Report(RuleIds.NotNullColumnWithoutDefault, Locations.Call(column.Start), column.Name, expression.Table);
            });
    }
}
