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

/// <summary>PGM051: AsDateTime()/AsDateTime2() → AsDateTimeOffset() (timestamptz).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TimestampWithoutTimeZoneFixer)), Shared]
public sealed class TimestampWithoutTimeZoneFixer : MigrationCodeFixProvider<IdentifierNameSyntax>
{
    public TimestampWithoutTimeZoneFixer()
        : base(RuleIds.TimestampWithoutTimeZone, "Use AsDateTimeOffset() (timestamptz)")
    {
    }

    private protected override IdentifierNameSyntax? FindNode(SyntaxNode root, TextSpan span) =>
        root.FindToken(span.Start).Parent is IdentifierNameSyntax name && name.Identifier.ValueText is "AsDateTime" or "AsDateTime2" ? name : null;

    private protected override Func<CancellationToken, Task<Document>>? CreateFix(FixTarget<IdentifierNameSyntax> target) =>
        target.Replace(target.Node, SyntaxFactory.IdentifierName("AsDateTimeOffset").WithTriviaFrom(target.Node));
}
