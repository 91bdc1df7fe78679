using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Migrations.Analyzers.Reading;

/// <summary>
/// Branches of which only one runs: two sections of one switch statement, the then and else of one if. The reader
/// reads a body's calls in order; a call repeated in alternatives (a template base class dispatching on what kind
/// of database it migrates) must not be read twice as if it ran twice.
/// </summary>
internal static class Branches
{
    /// <summary>Inside a switch section or an if: only such nodes can be alternatives of each other.</summary>
    public static bool IsInBranch(SyntaxNode node) =>
        node.Ancestors().Any(ancestor => ancestor is SwitchSectionSyntax || ancestor is IfStatementSyntax);

    public static bool AreAlternatives(SyntaxNode first, SyntaxNode second)
    {
        foreach (var section in first.Ancestors().OfType<SwitchSectionSyntax>())
        {
            var other = second.Ancestors().OfType<SwitchSectionSyntax>().FirstOrDefault(candidate => candidate.Parent == section.Parent);
            if (other != null && other != section)
            {
                return true;
            }
        }

        foreach (var branch in first.Ancestors().OfType<IfStatementSyntax>())
        {
            var firstInThen = branch.Statement.Span.Contains(first.Span);
            var firstInElse = branch.Else != null && branch.Else.Span.Contains(first.Span);
            var secondInThen = branch.Statement.Span.Contains(second.Span);
            var secondInElse = branch.Else != null && branch.Else.Span.Contains(second.Span);
            if ((firstInThen && secondInElse) || (firstInElse && secondInThen))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The same call, written the same way (whitespace aside).</summary>
    public static bool SameCall(SyntaxNode first, SyntaxNode second) =>
        first.SyntaxTree == second.SyntaxTree && Normalized(first) == Normalized(second);

    private static string Normalized(SyntaxNode node) => string.Concat(node.DescendantTokens().Select(token => token.Text));
}
