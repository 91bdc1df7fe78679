using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM107: Schema.*.Exists() and Execute.WithConnection() need a live database, so offline SQL review is incomplete.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CannotRenderOfflineAnalyzer : MigrationAnalyzer
{
    public CannotRenderOfflineAnalyzer()
        : base(RuleIds.CannotRenderOffline)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
        RegisterUpInvocations(context, migrations, new[] { "Exists", "WithConnection" }, call =>
        {
            var method = call.Method;
            if (call.Is(call.Symbols.ExecuteRoot, "WithConnection"))
            {
                call.Report(RuleIds.CannotRenderOffline, Locations.Call(call.Invocation), "Execute.WithConnection()");
            }
            else if (method.Name == "Exists"
                && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, call.Symbols.AbstractionsAssembly)
                && method.ContainingNamespace.ToDisplayString().StartsWith("FluentMigrator.Builders.Schema", System.StringComparison.Ordinal))
            {
                call.Report(RuleIds.CannotRenderOffline, Locations.Call(call.Invocation), "Schema." + method.ContainingType.Name.Substring(7).Replace("Syntax", string.Empty) + "(..).Exists()");
            }
        });
}
