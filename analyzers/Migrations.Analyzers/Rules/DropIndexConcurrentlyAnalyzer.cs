using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM003: Delete.Index() always emits a plain DROP INDEX, which takes an ACCESS EXCLUSIVE lock.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DropIndexConcurrentlyAnalyzer : MigrationAnalyzer
    {
        public DropIndexConcurrentlyAnalyzer()
            : base(RuleIds.DropIndexNotConcurrent)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "Index" }, call =>
            {
                if (!call.Is(call.Symbols.DeleteRoot, "Index"))
                {
                    return;
                }

                var expression = call.Expression();
                if (expression != null && !call.IsNewTable(expression.Table, expression.Schema))
                {
                    call.Report(RuleIds.DropIndexNotConcurrent, expression.Location, expression.Name ?? "(unnamed)");
                }
            });
    }
}
