using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.CodeFixes.Rules;

/// <summary>
/// PGM001: append .WithOptions().AsConcurrently() to Create.Index(..), and set TransactionBehavior.None when
/// the migration holds only index work (otherwise PGM002 asks to move the index into its own migration).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CreateIndexConcurrentlyFixer)), Shared]
public sealed class CreateIndexConcurrentlyFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.IndexNotConcurrent);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var chain = root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (chain == null || chain.Span != context.Span || !(chain.Parent is ExpressionStatementSyntax))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Build the index CONCURRENTLY", token => FixAsync(context.Document, chain, token), nameof(CreateIndexConcurrentlyFixer)),
            context.Diagnostics);
    }

    private static async Task<Document> FixAsync(Document document, InvocationExpressionSyntax chain, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model == null || root == null)
        {
            return document;
        }

        var resultType = model.GetTypeInfo(chain, cancellationToken).Type?.Name;
        var suffix = resultType == "ICreateIndexOptionsSyntax" ? ".AsConcurrently()" : ".WithOptions().AsConcurrently()";
        var concurrent = SyntaxFactory.ParseExpression(chain.WithoutTrivia().ToFullString() + suffix).WithTriviaFrom(chain);

        var type = chain.FirstAncestorOrSelf<ClassDeclarationSyntax>();
        var onlyIndexWork = type != null && UpStatements(type).All(statement => statement.ToString().TrimStart().StartsWith("Create.Index(", System.StringComparison.Ordinal));
        var found = type == null || !onlyIndexWork ? null : MigrationAttributeEditor.Find(type, model);

        var editor = new Microsoft.CodeAnalysis.Editing.SyntaxEditor(root, document.Project.Solution.Workspace.Services);
        editor.ReplaceNode(chain, concurrent);
        if (found != null)
        {
            editor.ReplaceNode(found.Value.Attribute, MigrationAttributeEditor.WithoutTransaction(found.Value.Attribute, found.Value.Constructor));
        }

        var newRoot = (CompilationUnitSyntax)editor.GetChangedRoot();
        if (!newRoot.Usings.Any(usingDirective => usingDirective.Name?.ToString() == "FluentMigrator.Postgres"))
        {
            var endOfLine = newRoot.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
            newRoot = newRoot.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName("FluentMigrator.Postgres")).WithTrailingTrivia(endOfLine == default ? SyntaxFactory.LineFeed : endOfLine));
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static System.Collections.Generic.IEnumerable<SyntaxNode> UpStatements(ClassDeclarationSyntax type)
    {
        var up = type.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(method => method.Identifier.ValueText == "Up");
        if (up?.ExpressionBody != null)
        {
            return new SyntaxNode[] { up.ExpressionBody.Expression };
        }

        return up?.Body?.Statements ?? Enumerable.Empty<SyntaxNode>();
    }
}
