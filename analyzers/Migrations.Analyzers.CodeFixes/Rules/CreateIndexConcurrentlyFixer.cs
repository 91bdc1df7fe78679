using System;
using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;
using Migrations.Analyzers.CodeFixes.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.CodeFixes.Rules;

/// <summary>
/// PGM001: append .WithOptions().AsConcurrently() to Create.Index(..), and set TransactionBehavior.None when
/// the migration holds only index work (otherwise PGM002 asks to move the index into its own migration).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CreateIndexConcurrentlyFixer)), Shared]
public sealed class CreateIndexConcurrentlyFixer : MigrationCodeFixProvider<InvocationExpressionSyntax>
{
    public CreateIndexConcurrentlyFixer()
        : base(RuleIds.IndexNotConcurrent, "Build the index CONCURRENTLY")
    {
    }

    /// <summary>Fixing one index can change whether the migration holds only index work: no batch fix.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    private protected override InvocationExpressionSyntax? FindNode(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Parent: ExpressionStatementSyntax } chain && chain.Span == span
            ? chain
            : null;

    private protected override Func<CancellationToken, Task<Document>>? CreateFix(FixTarget<InvocationExpressionSyntax> target) =>
        cancellationToken => Task.FromResult(Fix(target, cancellationToken));

    private static Document Fix(FixTarget<InvocationExpressionSyntax> target, CancellationToken cancellationToken)
    {
        var chain = target.Node;
        var resultType = target.Model.GetTypeInfo(chain, cancellationToken).Type?.Name;
        var suffix = resultType == "ICreateIndexOptionsSyntax" ? ".AsConcurrently()" : ".WithOptions().AsConcurrently()";
        var concurrent = SyntaxFactory.ParseExpression(chain.WithoutTrivia().ToFullString() + suffix).WithTriviaFrom(chain);

        var type = chain.FirstAncestorOrSelf<ClassDeclarationSyntax>();
        var onlyIndexWork = type != null && UpStatements.Of(type).All(statement => statement.ToString().TrimStart().StartsWith("Create.Index(", StringComparison.Ordinal));
        var found = type == null || !onlyIndexWork ? null : MigrationAttributeEditor.Find(type, target.Model);

        var editor = new SyntaxEditor(target.Root, target.Document.Project.Solution.Workspace.Services);
        editor.ReplaceNode(chain, concurrent);
        if (found != null)
        {
            editor.ReplaceNode(found.Value.Attribute, MigrationAttributeEditor.WithoutTransaction(found.Value.Attribute, found.Value.Constructor));
        }

        return target.Document.WithSyntaxRoot(UsingDirectives.Ensure((CompilationUnitSyntax)editor.GetChangedRoot(), "FluentMigrator.Postgres"));
    }
}
