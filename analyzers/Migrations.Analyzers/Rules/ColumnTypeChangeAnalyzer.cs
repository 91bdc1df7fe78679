using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;
using Migrations.Safety.Sql;

namespace Migrations.Analyzers.Rules
{
    /// <summary>
    /// PGM009: Alter.Column always emits ALTER COLUMN … TYPE; unless the change is binary-compatible with the type the
    /// earlier migrations gave the column, PostgreSQL rewrites the table.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ColumnTypeChangeAnalyzer : MigrationAnalyzer
    {
        public ColumnTypeChangeAnalyzer()
            : base(RuleIds.ColumnTypeChangeRewrites)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, UpCall.ColumnStarts, call =>
            {
                var column = call.ExistingTableColumn(out var expression);
                var typeCall = column?.TypeCall;
                var newType = column?.PostgresType;
                if (column == null || column.Change != ColumnChange.Alter || typeCall == null || newType == null)
                {
                    return;
                }

                var version = call.Migration.Version;
                var current = version == null ? null : call.Compilation.History.GetColumn(expression.Schema, expression.Table!, column.Name ?? string.Empty, version.Value)?.Type;
                string change;
                if (current == null)
                {
                    change = "to " + newType + " (the project's migrations do not show its current type, e.g. the table was created outside them, so a rewrite is assumed)";
                }
                else if (PostgresTypes.ClassifyChange(current, newType) == TypeChange.Rewrite)
                {
                    change = "from " + PostgresTypes.Normalize(current) + " to " + PostgresTypes.Normalize(newType);
                }
                else
                {
                    return;
                }

                call.Report(RuleIds.ColumnTypeChangeRewrites, Locations.Call(typeCall), column.Name, expression.Table, change);
            });
    }
}
