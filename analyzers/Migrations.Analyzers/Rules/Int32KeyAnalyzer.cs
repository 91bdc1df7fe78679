using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM050: a 32-bit (or 16-bit) primary key or identity column runs out; widening it later rewrites the table.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Int32KeyAnalyzer : MigrationAnalyzer
    {
        public Int32KeyAnalyzer()
            : base(RuleIds.Int32Key)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "AsInt32", "AsInt16" }, call =>
            {
                if (!call.Is(call.Symbols.ColumnTypeSyntax, "AsInt32") && !call.Is(call.Symbols.ColumnTypeSyntax, "AsInt16"))
                {
                    return;
                }

                var column = call.Expression()?.SegmentOf(call.Invocation);
                if (column != null && column.Change != ColumnChange.Alter && (column.HasOption("PrimaryKey") || column.IsIdentity))
                {
                    call.Report(RuleIds.Int32Key, Locations.Call(call.Invocation), column.Name);
                }
            });
    }
}
