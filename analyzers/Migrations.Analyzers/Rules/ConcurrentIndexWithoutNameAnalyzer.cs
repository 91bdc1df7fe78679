using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM109: a concurrent index needs a name a retry can find after a failed build left it INVALID.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConcurrentIndexWithoutNameAnalyzer : MigrationAnalyzer
    {
        public ConcurrentIndexWithoutNameAnalyzer()
            : base(RuleIds.ConcurrentIndexWithoutName)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "Index" }, call =>
            {
                if (!call.Is(call.Symbols.CreateRoot, "Index") || call.Invocation.Arguments.Length != 0)
                {
                    return;
                }

                var expression = call.Expression();
                if (expression != null && CreateIndexConcurrentlyAnalyzer.IsConcurrent(expression, call.Symbols))
                {
                    call.Report(RuleIds.ConcurrentIndexWithoutName, Locations.Call(call.Invocation), expression.Table);
                }
            });
    }
}
