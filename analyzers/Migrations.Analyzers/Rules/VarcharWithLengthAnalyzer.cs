using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM052 (off by default): AsString(n) gives varchar(n), whose limit is costly to lower later.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class VarcharWithLengthAnalyzer : MigrationAnalyzer
    {
        public VarcharWithLengthAnalyzer()
            : base(RuleIds.VarcharWithLength)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "AsString", "AsAnsiString" }, call =>
            {
                if ((call.Is(call.Symbols.ColumnTypeSyntax, "AsString") || call.Is(call.Symbols.ColumnTypeSyntax, "AsAnsiString"))
                    && FluentChain.Argument(call.Invocation, "size") is int size && size != int.MaxValue)
                {
                    call.Report(RuleIds.VarcharWithLength, Locations.Call(call.Invocation), call.Expression()?.SegmentOf(call.Invocation)?.Name, size);
                }
            });
    }
}
