using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.CodeFixes.Rules;

/// <summary>PGM104: "Postgres" → "PostgreSQL".</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IfDatabasePostgresFixer)), Shared]
public sealed class IfDatabasePostgresFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.IfDatabasePostgres);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (!(root?.FindNode(context.Span, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal))
        {
            return;
        }

        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("PostgreSQL")).WithTriviaFrom(literal);
        context.RegisterCodeFix(
            CodeAction.Create("Use \"PostgreSQL\"", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))), nameof(IfDatabasePostgresFixer)),
            context.Diagnostics);
    }
}
