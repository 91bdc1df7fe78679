using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM002: AsConcurrently() in a migration that runs in a transaction fails with "cannot run inside a transaction block".</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConcurrentIndexInTransactionAnalyzer : MigrationAnalyzer
    {
        public ConcurrentIndexInTransactionAnalyzer()
            : base(RuleIds.ConcurrentInTransaction)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "AsConcurrently" }, call =>
            {
                if (!call.Migration.WithoutTransaction
                    && call.Symbols.IsPostgresExtension(call.Method, "AsConcurrently")
                    && !(FluentChain.Argument(call.Invocation, "isConcurrently") is false))
                {
                    call.Report(RuleIds.ConcurrentInTransaction, Locations.Call(call.Invocation), "CREATE INDEX CONCURRENTLY");
                }
            });
    }
}
