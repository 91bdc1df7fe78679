using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM054: PostgreSQL silently truncates identifiers to 63 bytes, so two long names can collide.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class IdentifierTooLongAnalyzer : MigrationAnalyzer
    {
        private const int MaxIdentifierBytes = 63;

        public IdentifierTooLongAnalyzer()
            : base(RuleIds.IdentifierTooLong)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, call =>
            {
                if (!SymbolEqualityComparer.Default.Equals(call.Method.ContainingAssembly, call.Symbols.AbstractionsAssembly))
                {
                    return;
                }

                foreach (var argument in call.Invocation.Arguments)
                {
                    var parameter = argument.Parameter?.Name;
                    if (parameter != null && (parameter == "name" || parameter.EndsWith("Name", System.StringComparison.Ordinal))
                        && argument.Value.ConstantValue.HasValue && argument.Value.ConstantValue.Value is string identifier
                        && Encoding.UTF8.GetByteCount(identifier) > MaxIdentifierBytes)
                    {
                        call.Report(RuleIds.IdentifierTooLong, argument.Value.Syntax.GetLocation(), identifier, Encoding.UTF8.GetByteCount(identifier));
                    }
                }
            });
    }
}
