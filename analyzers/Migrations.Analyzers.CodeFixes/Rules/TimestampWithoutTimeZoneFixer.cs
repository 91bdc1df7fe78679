using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.CodeFixes.Rules;

/// <summary>PGM051: AsDateTime()/AsDateTime2() → AsDateTimeOffset() (timestamptz).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TimestampWithoutTimeZoneFixer)), Shared]
public sealed class TimestampWithoutTimeZoneFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.TimestampWithoutTimeZone);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var name = root?.FindToken(context.Span.Start).Parent as IdentifierNameSyntax;
        if (root == null || name == null || (name.Identifier.ValueText != "AsDateTime" && name.Identifier.ValueText != "AsDateTime2"))
        {
            return;
        }

        var replacement = SyntaxFactory.IdentifierName("AsDateTimeOffset").WithTriviaFrom(name);
        context.RegisterCodeFix(
            CodeAction.Create("Use AsDateTimeOffset() (timestamptz)", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(name, replacement))), nameof(TimestampWithoutTimeZoneFixer)),
            context.Diagnostics);
    }
}
