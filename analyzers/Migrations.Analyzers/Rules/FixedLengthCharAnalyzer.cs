using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM053: AsFixedLengthString(n) gives char(n), which pads values with spaces.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FixedLengthCharAnalyzer : MigrationAnalyzer
    {
        public FixedLengthCharAnalyzer()
            : base(RuleIds.FixedLengthChar)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "AsFixedLengthString", "AsFixedLengthAnsiString" }, call =>
            {
                if (call.Is(call.Symbols.ColumnTypeSyntax, "AsFixedLengthString") || call.Is(call.Symbols.ColumnTypeSyntax, "AsFixedLengthAnsiString"))
                {
                    var size = FluentChain.Argument(call.Invocation, "size") ?? 1;
                    call.Report(RuleIds.FixedLengthChar, Locations.Call(call.Invocation), call.Expression()?.SegmentOf(call.Invocation)?.Name, size);
                }
            });
    }
}
