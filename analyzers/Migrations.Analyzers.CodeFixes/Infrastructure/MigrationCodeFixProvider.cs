using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Migrations.Analyzers.Infrastructure;

namespace Migrations.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// The one prologue of every fixer: find the finding's node, bind the document, check that the node is in a migration
/// that has not shipped, then register the fixer's one action. A shipped migration (at or below MigrationsShippedThrough
/// or MigrationsSafetyStartAfter) already ran in production and the lock file guards its SQL: rewriting it would change
/// nothing there and fail the next build (PGM200), so no fix that changes what a migration runs is offered on one.
/// </summary>
public abstract class MigrationCodeFixProvider<TNode> : CodeFixProvider
    where TNode : SyntaxNode
{
    private readonly string title;

    private protected MigrationCodeFixProvider(string ruleId, string title)
    {
        FixableDiagnosticIds = ImmutableArray.Create(ruleId);
        this.title = title;
    }

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <summary>
    /// False for an edit that leaves the rendered SQL as it is (the Reason of [AllowUnsafe]): offered on shipped migrations,
    /// and on classes that are not migrations, too.
    /// </summary>
    private protected virtual bool ChangesWhatRuns => true;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var node = root == null ? null : FindNode(root, context.Span);
        var model = node == null ? null : await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root == null || node == null || model == null)
        {
            return;
        }

        if (ChangesWhatRuns && !IsUnshippedMigration(node, model, context.Document.Project.AnalyzerOptions, context.CancellationToken))
        {
            return;
        }

        var fix = CreateFix(new FixTarget<TNode>(context.Document, root, model, node));
        if (fix != null)
        {
            context.RegisterCodeFix(CodeAction.Create(title, fix, GetType().Name), context.Diagnostics);
        }
    }

    /// <summary>The node the fix edits, found from the finding's span; null when the code is not the shape the fix knows.</summary>
    private protected abstract TNode? FindNode(SyntaxNode root, TextSpan span);

    /// <summary>The edit, or null when this occurrence has no safe form.</summary>
    private protected abstract Func<CancellationToken, Task<Document>>? CreateFix(FixTarget<TNode> target);

    /// <summary>The analyzers' own notion, from the same build properties (see <see cref="MigrationCompilation.IsBaselined"/>).</summary>
    private static bool IsUnshippedMigration(SyntaxNode node, SemanticModel model, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var declaration = node.FirstAncestorOrSelf<ClassDeclarationSyntax>();
        var migrations = declaration == null ? null : MigrationCompilation.Get(model.Compilation, options);
        var migration = migrations?.GetMigrationClass(model.GetDeclaredSymbol(declaration!, cancellationToken));
        return migration != null && !migrations!.IsBaselined(migration);
    }
}
