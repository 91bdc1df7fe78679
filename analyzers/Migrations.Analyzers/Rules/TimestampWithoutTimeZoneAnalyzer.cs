using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM051: AsDateTime()/AsDateTime2() are timestamp without time zone on PostgreSQL.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TimestampWithoutTimeZoneAnalyzer : MigrationAnalyzer
    {
        public TimestampWithoutTimeZoneAnalyzer()
            : base(RuleIds.TimestampWithoutTimeZone)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "AsDateTime", "AsDateTime2" }, call =>
            {
                if (call.Is(call.Symbols.ColumnTypeSyntax, "AsDateTime") || call.Is(call.Symbols.ColumnTypeSyntax, "AsDateTime2"))
                {
                    call.Report(RuleIds.TimestampWithoutTimeZone, Locations.Call(call.Invocation), call.Expression()?.SegmentOf(call.Invocation)?.Name);
                }
            });
    }
}
