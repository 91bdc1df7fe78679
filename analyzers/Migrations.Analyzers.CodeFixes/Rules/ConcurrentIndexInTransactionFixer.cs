using System;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Migrations.Analyzers.CodeFixes.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.CodeFixes.Rules;

/// <summary>PGM002: declare the migration with TransactionBehavior.None.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConcurrentIndexInTransactionFixer)), Shared]
public sealed class ConcurrentIndexInTransactionFixer : MigrationCodeFixProvider<ClassDeclarationSyntax>
{
    public ConcurrentIndexInTransactionFixer()
        : base(RuleIds.ConcurrentInTransaction, "Run the migration without a transaction (TransactionBehavior.None)")
    {
    }

    private protected override ClassDeclarationSyntax? FindNode(SyntaxNode root, TextSpan span) =>
        root.FindNode(span).FirstAncestorOrSelf<ClassDeclarationSyntax>();

    private protected override Func<CancellationToken, Task<Document>>? CreateFix(FixTarget<ClassDeclarationSyntax> target) =>
        MigrationAttributeEditor.Find(target.Node, target.Model) is { } found
            ? target.Replace(found.Attribute, MigrationAttributeEditor.WithoutTransaction(found.Attribute, found.Constructor))
            : null;
}
