using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>
/// PGM106: UsingGin()/UsingGist()/… return a wrapper without additional features, so AsConcurrently(), Filter()
/// or Include() after them throws at run time in FluentMigrator 8.0.1.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IndexOptionAfterMethodAnalyzer : MigrationAnalyzer
{
    public IndexOptionAfterMethodAnalyzer()
        : base(RuleIds.IndexOptionAfterMethod)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
        RegisterUpInvocations(context, migrations, new[] { "AsConcurrently", "Filter", "Include" }, call =>
        {
            var symbols = call.Symbols;
            if (!symbols.IsPostgresExtension(call.Method, "AsConcurrently") && !symbols.IsPostgresExtension(call.Method, "Filter")
                && !symbols.IsPostgresExtension(call.Method, "Include"))
            {
                return;
            }

            var chain = FluentChain.From(call.Invocation);
            for (var index = chain.IndexOf(call.Invocation) - 1; index >= 0; index--)
            {
                var earlier = chain.Calls[index].TargetMethod;
                if (SymbolEqualityComparer.Default.Equals(earlier.ContainingType, symbols.PostgresExtensions) && earlier.Name.StartsWith("Using", System.StringComparison.Ordinal))
                {
                    call.Report(RuleIds.IndexOptionAfterMethod, Locations.Call(call.Invocation), call.Method.Name, earlier.Name);
                    return;
                }
            }
        });
}
