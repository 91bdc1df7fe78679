using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Migrations.Analyzers.CodeFixes.Infrastructure;

/// <summary>The using directive a fix's new code needs, added once, with the file's own line ending.</summary>
internal static class UsingDirectives
{
    public static CompilationUnitSyntax Ensure(CompilationUnitSyntax root, string namespaceName)
    {
        if (root.Usings.Any(usingDirective => usingDirective.Name?.ToString() == namespaceName))
        {
            return root;
        }

        var endOfLine = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        return root.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName)).WithTrailingTrivia(endOfLine == default ? SyntaxFactory.LineFeed : endOfLine));
    }
}
