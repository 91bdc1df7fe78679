using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM034: Delete.Schema() and Alter.Table(..).ToSchema() break running code that uses the old names.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DropOrMoveSchemaAnalyzer : MigrationAnalyzer
    {
        public DropOrMoveSchemaAnalyzer()
            : base(RuleIds.DropOrMoveSchema)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "Schema", "ToSchema" }, call =>
            {
                var symbols = call.Symbols;
                if (call.Is(symbols.DeleteRoot, "Schema"))
                {
                    call.Report(RuleIds.DropOrMoveSchema, call.Invocation.Syntax.GetLocation(), "Dropping schema '" + FluentChain.FirstString(call.Invocation) + "'");
                }
                else if (call.Is(symbols.AlterTableAddColumnOrAlterColumnSyntax, "ToSchema"))
                {
                    var expression = call.Expression();
                    if (expression?.Table != null && !call.IsNewTable(expression.Table, expression.Schema))
                    {
                        call.Report(RuleIds.DropOrMoveSchema, expression.Location, "Moving table '" + expression.Table + "' to schema '" + FluentChain.FirstString(call.Invocation) + "'");
                    }
                }
            });
    }
}
