using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM102: a Migration whose Down() is empty rolls back silently; ForwardOnlyMigration says so honestly.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyDownAnalyzer : MigrationAnalyzer
{
    public EmptyDownAnalyzer()
        : base(RuleIds.EmptyDown)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
        RegisterMigrationClasses(context, migrations, (symbolContext, migration) =>
        {
            // An empty Down() of an empty Up() rolls back exactly what the migration did: nothing.
            if (migration.Kind != MigrationBaseKind.Migration || IsEmpty(Override(migration.Type, "Up"), symbolContext.CancellationToken))
            {
                return;
            }

            var down = Override(migration.Type, "Down");
            if (IsEmpty(down, symbolContext.CancellationToken) && Declaration(down!, symbolContext.CancellationToken) is { } declaration)
            {
                // An empty Down() inherited from a base class is reported at each migration that rolls back to nothing.
                var location = SymbolEqualityComparer.Default.Equals(down!.ContainingType, migration.Type) ? declaration.Identifier.GetLocation() : migration.Type.Locations[0];
                migrations.Report(symbolContext.ReportDiagnostic, migration.Type, RuleIds.EmptyDown, location, migration.Type.Name);
            }
        });

    /// <summary>The override of Up()/Down() the migration runs: its own, or the nearest base class's.</summary>
    private static IMethodSymbol? Override(INamedTypeSymbol type, string name)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            if (current.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(method => method.Parameters.Length == 0 && method.IsOverride) is { } method)
            {
                return method;
            }
        }

        return null;
    }

    private static bool IsEmpty(IMethodSymbol? method, System.Threading.CancellationToken cancellation)
    {
        if (method == null || Declaration(method, cancellation) is not { } declaration)
        {
            return false;
        }

        if (declaration is { ExpressionBody: null, Body: { Statements.Count: 0 } })
        {
            return true;
        }

        // Down() { base.Down(); } over an empty Down() does nothing either.
        var only = declaration.ExpressionBody?.Expression ?? (declaration.Body is { Statements: { Count: 1 } statements } && statements[0] is ExpressionStatementSyntax statement ? statement.Expression : null);
        return only is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax } access }
            && access.Name.Identifier.ValueText == method.Name && IsEmpty(method.OverriddenMethod, cancellation);
    }

    private static MethodDeclarationSyntax? Declaration(IMethodSymbol method, System.Threading.CancellationToken cancellation) =>
        method.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax(cancellation)).OfType<MethodDeclarationSyntax>().FirstOrDefault();
}
