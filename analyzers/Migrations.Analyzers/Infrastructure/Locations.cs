using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Migrations.Analyzers.Infrastructure;

internal static class Locations
{
    /// <summary>The call itself without its receiver: <c>Indexed("ix")</c> in <c>….AsInt32().Indexed("ix")</c>.</summary>
    public static Location Call(IInvocationOperation call)
    {
        if (call.Syntax is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax member)
        {
            return Location.Create(invocation.SyntaxTree, TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End));
        }

        return call.Syntax.GetLocation();
    }
}
