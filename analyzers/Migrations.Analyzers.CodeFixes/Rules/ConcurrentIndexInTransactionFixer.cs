using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.CodeFixes.Rules;

/// <summary>PGM002: declare the migration with TransactionBehavior.None.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConcurrentIndexInTransactionFixer)), Shared]
public sealed class ConcurrentIndexInTransactionFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ConcurrentInTransaction);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var type = root?.FindNode(context.Span).FirstAncestorOrSelf<ClassDeclarationSyntax>();
        if (type == null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Run the migration without a transaction (TransactionBehavior.None)", token => SetNoneAsync(context.Document, type, token), nameof(ConcurrentIndexInTransactionFixer)),
            context.Diagnostics);
    }

    internal static async Task<Document> SetNoneAsync(Document document, ClassDeclarationSyntax type, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var found = model == null ? null : MigrationAttributeEditor.Find(type, model);
        if (root == null || found == null)
        {
            return document;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(found.Value.Attribute, MigrationAttributeEditor.WithoutTransaction(found.Value.Attribute, found.Value.Constructor)));
    }
}
