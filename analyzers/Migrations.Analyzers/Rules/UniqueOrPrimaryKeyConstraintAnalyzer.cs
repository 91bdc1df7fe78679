using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM007: a unique or primary key constraint added to an existing table builds its index under ACCESS EXCLUSIVE.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UniqueOrPrimaryKeyConstraintAnalyzer : MigrationAnalyzer
    {
        public UniqueOrPrimaryKeyConstraintAnalyzer()
            : base(RuleIds.UniqueOrPrimaryKeyOnExistingTable)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "UniqueConstraint", "PrimaryKey" }, call =>
            {
                var symbols = call.Symbols;
                var isUnique = call.Is(symbols.CreateRoot, "UniqueConstraint");
                if (isUnique || call.Is(symbols.CreateRoot, "PrimaryKey"))
                {
                    var expression = call.Expression();
                    if (expression?.Table != null && !call.IsNewTable(expression.Table, expression.Schema))
                    {
                        call.Report(RuleIds.UniqueOrPrimaryKeyOnExistingTable, expression.Location, isUnique ? "UNIQUE" : "PRIMARY KEY", expression.Name ?? "(unnamed)", expression.Table);
                    }
                }
                else if (call.Is(symbols.ColumnOptionSyntax, "PrimaryKey"))
                {
                    var expression = call.Expression();
                    if (expression?.Table != null && expression.Root != FluentRoot.CreateTable && !call.IsNewTable(expression.Table, expression.Schema))
                    {
                        var name = FluentChain.FirstString(call.Invocation) ?? "PK_" + expression.Table;
                        call.Report(RuleIds.UniqueOrPrimaryKeyOnExistingTable, Locations.Call(call.Invocation), "PRIMARY KEY", name, expression.Table);
                    }
                }
            });
    }
}
