using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM108: a data backfill in the migration that changes the table's schema runs while the DDL lock is held.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SchemaChangeWithBackfillAnalyzer : MigrationAnalyzer
    {
        public SchemaChangeWithBackfillAnalyzer()
            : base(RuleIds.SchemaChangeWithBackfill)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "Table" }, call =>
            {
                if (!call.Is(call.Symbols.UpdateRoot, "Table"))
                {
                    return;
                }

                var update = call.Expression();
                if (update?.Table == null || call.IsNewTable(update.Table, update.Schema) || call.Migration.WithoutTransaction)
                {
                    return;
                }

                var body = call.Body;
                if (body.Expressions.Any(expression => IsSchemaChange(expression.Root) && expression.IsOnTable(update.Table)))
                {
                    call.Report(RuleIds.SchemaChangeWithBackfill, update.Location, call.Migration.Type.Name, update.Table);
                }
            });

        private static bool IsSchemaChange(FluentRoot root) =>
            root == FluentRoot.AlterTable || root == FluentRoot.AlterColumn || root == FluentRoot.CreateColumn || root == FluentRoot.CreateIndex
            || root == FluentRoot.CreateForeignKey || root == FluentRoot.CreatePrimaryKey || root == FluentRoot.CreateUniqueConstraint
            || root == FluentRoot.DeleteColumn || root == FluentRoot.RenameColumn;
    }
}
