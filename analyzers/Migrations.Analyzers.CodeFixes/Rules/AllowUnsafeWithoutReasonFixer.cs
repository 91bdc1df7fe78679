using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.CodeFixes.Rules;

/// <summary>PGM900: insert Reason = "TODO: …" for the author to replace (a placeholder, so PGM900 stays until they do).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AllowUnsafeWithoutReasonFixer)), Shared]
public sealed class AllowUnsafeWithoutReasonFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.AllowUnsafeWithoutReason);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var attribute = root?.FindNode(context.Span).FirstAncestorOrSelf<AttributeSyntax>();
        if (root == null || attribute?.ArgumentList == null)
        {
            return;
        }

        var reason = SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(SuppressionReason.Placeholder)))
            .WithNameEquals(SyntaxFactory.NameEquals("Reason"));
        var existing = attribute.ArgumentList.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == "Reason");
        if (existing?.Expression is LiteralExpressionSyntax { Token.ValueText: SuppressionReason.Placeholder })
        {
            // Already the placeholder: only the author can write the reason.
            return;
        }
        var arguments = existing == null ? attribute.ArgumentList.Arguments.Add(reason) : attribute.ArgumentList.Arguments.Replace(existing, reason);
        var fixedAttribute = attribute.WithArgumentList(attribute.ArgumentList.WithArguments(arguments));
        context.RegisterCodeFix(
            CodeAction.Create("Add a Reason to complete", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, fixedAttribute))), nameof(AllowUnsafeWithoutReasonFixer)),
            context.Diagnostics);
    }
}
