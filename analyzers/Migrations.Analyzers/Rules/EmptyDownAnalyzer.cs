using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
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
                if (migration.Kind != MigrationBaseKind.Migration)
                {
                    return;
                }

                var down = migration.Type.GetMembers("Down").OfType<IMethodSymbol>().FirstOrDefault(method => method.Parameters.Length == 0 && method.IsOverride);
                foreach (var reference in down?.DeclaringSyntaxReferences ?? Enumerable.Empty<SyntaxReference>())
                {
                    if (reference.GetSyntax(symbolContext.CancellationToken) is MethodDeclarationSyntax declaration
                        && declaration.ExpressionBody == null && declaration.Body != null && declaration.Body.Statements.Count == 0)
                    {
                        migrations.Report(symbolContext.ReportDiagnostic, migration.Type, RuleIds.EmptyDown, declaration.Identifier.GetLocation(), migration.Type.Name);
                    }
                }
            });
    }
}
