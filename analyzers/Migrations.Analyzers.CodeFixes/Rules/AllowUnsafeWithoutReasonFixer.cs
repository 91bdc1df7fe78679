using System;
using System.Composition;
using System.Linq;
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

/// <summary>PGM900: insert Reason = "TODO: …" for the author to replace (a placeholder, so PGM900 stays until they do).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AllowUnsafeWithoutReasonFixer)), Shared]
public sealed class AllowUnsafeWithoutReasonFixer : MigrationCodeFixProvider<AttributeSyntax>
{
    public AllowUnsafeWithoutReasonFixer()
        : base(RuleIds.AllowUnsafeWithoutReason, "Add a Reason to complete")
    {
    }

    /// <summary>
    /// The Reason is not part of the SQL the lock file guards, and PGM900 is reported on shipped migrations too (a
    /// suppression rule): there the edit in place is the only way to clear it.
    /// </summary>
    private protected override bool ChangesWhatRuns => false;

    private protected override AttributeSyntax? FindNode(SyntaxNode root, TextSpan span) =>
        root.FindNode(span).FirstAncestorOrSelf<AttributeSyntax>() is { ArgumentList: not null } attribute ? attribute : null;

    private protected override Func<CancellationToken, Task<Document>>? CreateFix(FixTarget<AttributeSyntax> target)
    {
        var attribute = target.Node;
        var argumentList = attribute.ArgumentList!;
        var existing = argumentList.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == "Reason");
        if (existing?.Expression is LiteralExpressionSyntax { Token.ValueText: SuppressionReason.Placeholder })
        {
            // Already the placeholder: only the author can write the reason.
            return null;
        }

        var reason = SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(SuppressionReason.Placeholder)))
            .WithNameEquals(SyntaxFactory.NameEquals("Reason"));
        var arguments = existing == null ? argumentList.Arguments.Add(reason) : argumentList.Arguments.Replace(existing, reason);
        return target.Replace(attribute, attribute.WithArgumentList(argumentList.WithArguments(arguments)));
    }
}
