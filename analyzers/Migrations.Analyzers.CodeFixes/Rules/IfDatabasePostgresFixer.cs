using System;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Migrations.Analyzers.CodeFixes.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.CodeFixes.Rules;

/// <summary>PGM104: "Postgres" → "PostgreSQL".</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IfDatabasePostgresFixer)), Shared]
public sealed class IfDatabasePostgresFixer : MigrationCodeFixProvider<LiteralExpressionSyntax>
{
    public IfDatabasePostgresFixer()
        : base(RuleIds.IfDatabasePostgres, "Use \"PostgreSQL\"")
    {
    }

    private protected override LiteralExpressionSyntax? FindNode(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true) as LiteralExpressionSyntax;

    private protected override Func<CancellationToken, Task<Document>>? CreateFix(FixTarget<LiteralExpressionSyntax> target) =>
        target.Replace(target.Node, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("PostgreSQL")).WithTriviaFrom(target.Node));
}
