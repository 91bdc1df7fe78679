using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM001: an index built on an existing table without CONCURRENTLY blocks writes for the whole build.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CreateIndexConcurrentlyAnalyzer : MigrationAnalyzer
    {
        public CreateIndexConcurrentlyAnalyzer()
            : base(RuleIds.IndexNotConcurrent)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "Index", "Indexed", "Unique" }, call =>
            {
                if (call.Is(call.Symbols.CreateRoot, "Index"))
                {
                    AnalyzeCreateIndex(call);
                }
                else if (call.Is(call.Symbols.ColumnOptionSyntax, "Indexed") || call.Is(call.Symbols.ColumnOptionSyntax, "Unique"))
                {
                    AnalyzeColumnIndex(call);
                }
            });

        private static void AnalyzeCreateIndex(UpCall call)
        {
            var expression = call.Expression();
            if (expression == null || expression.Table == null || call.IsNewTable(expression.Table, expression.Schema) || IsConcurrent(expression, call.Symbols))
            {
                return;
            }

            call.Report(RuleIds.IndexNotConcurrent, expression.Location, expression.Name ?? "(unnamed)", expression.Table);
        }

        /// <summary>Column-level .Indexed()/.Unique() always builds a plain index: FluentMigrator has no concurrent form of it.</summary>
        private static void AnalyzeColumnIndex(UpCall call)
        {
            var expression = call.Expression();
            if (expression == null || expression.Root == FluentRoot.CreateTable || expression.Table == null || call.IsNewTable(expression.Table, expression.Schema))
            {
                return;
            }

            var column = expression.SegmentOf(call.Invocation)?.Name;
            var name = FluentChain.FirstString(call.Invocation) ?? "IX_" + expression.Table + "_" + column;
            call.Report(RuleIds.IndexNotConcurrent, Locations.Call(call.Invocation), name, expression.Table);
        }

        internal static bool IsConcurrent(FluentExpression expression, FluentMigratorSymbols symbols)
        {
            var concurrently = expression.Chain.Find(method => symbols.IsPostgresExtension(method, "AsConcurrently"));
            return concurrently != null && !(FluentChain.Argument(concurrently, "isConcurrently") is false);
        }
    }
}
