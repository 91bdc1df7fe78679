using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM037: AsCustom("json") where jsonb is meant.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class JsonColumnAnalyzer : MigrationAnalyzer
    {
        public JsonColumnAnalyzer()
            : base(RuleIds.JsonInsteadOfJsonb)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "AsCustom" }, call =>
            {
                if (call.Is(call.Symbols.ColumnTypeSyntax, "AsCustom") && ColumnTypes.IsJson(FluentChain.FirstString(call.Invocation)))
                {
                    call.Report(RuleIds.JsonInsteadOfJsonb, Locations.Call(call.Invocation), call.Expression()?.SegmentOf(call.Invocation)?.Name);
                }
            });
    }
}
