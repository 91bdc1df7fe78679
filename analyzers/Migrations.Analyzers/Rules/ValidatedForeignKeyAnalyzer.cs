using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>
    /// PGM004: FluentMigrator's foreign keys are always validated while they are added (there is no NOT VALID), which
    /// scans the table under SHARE ROW EXCLUSIVE locks on both tables.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ValidatedForeignKeyAnalyzer : MigrationAnalyzer
    {
        private const string Unnamed = "(unnamed)";

        public ValidatedForeignKeyAnalyzer()
            : base(RuleIds.ForeignKeyValidated)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "ForeignKey", "ReferencedBy" }, call =>
            {
                var symbols = call.Symbols;
                if (call.Is(symbols.CreateRoot, "ForeignKey"))
                {
                    var expression = call.Expression();
                    if (expression?.Table != null && !call.IsNewTable(expression.Table, expression.Schema))
                    {
                        call.Report(RuleIds.ForeignKeyValidated, expression.Location, expression.Name ?? Unnamed, expression.Table);
                    }
                }
                else if (call.Is(symbols.ColumnOptionSyntax, "ForeignKey") && call.Invocation.Arguments.Length > 0)
                {
                    var expression = call.Expression();
                    if (expression?.Table != null && expression.Root != FluentRoot.CreateTable && !call.IsNewTable(expression.Table, expression.Schema))
                    {
                        call.Report(RuleIds.ForeignKeyValidated, Locations.Call(call.Invocation), FluentChain.Argument(call.Invocation, "foreignKeyName") ?? Unnamed, expression.Table);
                    }
                }
                else if (call.Is(symbols.ColumnOptionSyntax, "ReferencedBy"))
                {
                    // ReferencedBy adds the key to the *other* table, which is usually an existing one.
                    var foreignTable = FluentChain.Argument(call.Invocation, "foreignTableName") as string;
                    var foreignSchema = FluentChain.Argument(call.Invocation, "foreignTableSchema") as string;
                    if (foreignTable != null && !call.IsNewTable(foreignTable, foreignSchema))
                    {
                        call.Report(RuleIds.ForeignKeyValidated, Locations.Call(call.Invocation), FluentChain.Argument(call.Invocation, "foreignKeyName") ?? Unnamed, foreignTable);
                    }
                }
            });
    }
}
