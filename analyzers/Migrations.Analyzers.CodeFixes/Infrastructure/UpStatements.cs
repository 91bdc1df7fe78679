using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Migrations.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// The statements of the Up() a migration class declares: an expression body as one statement, a block's statements,
/// none without an Up(). A fix that also changes the migration's transaction asks whether Up() holds nothing else.
/// </summary>
internal static class UpStatements
{
    public static IReadOnlyList<SyntaxNode> Of(ClassDeclarationSyntax type)
    {
        var up = type.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(method => method.Identifier.ValueText == "Up");
        if (up?.ExpressionBody != null)
        {
            return new SyntaxNode[] { up.ExpressionBody.Expression };
        }

        return (IReadOnlyList<SyntaxNode>?)up?.Body?.Statements ?? new SyntaxNode[0];
    }
}
