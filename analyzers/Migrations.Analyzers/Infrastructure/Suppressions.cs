using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>
/// [AllowUnsafe("PGMxxx", Reason = "…")] on a migration class or method. The analyzers filter their own reports
/// (rather than a DiagnosticSuppressor) so that every suppression that fired is recorded for PGM901.
/// </summary>
internal sealed class Suppressions
{
    private readonly FluentMigratorSymbols symbols;
    private readonly ConcurrentDictionary<string, bool> used = new ConcurrentDictionary<string, bool>();

    public Suppressions(FluentMigratorSymbols symbols)
    {
        this.symbols = symbols;
    }

    public bool TrySuppress(ISymbol scope, string ruleId)
    {
        if (symbols.AllowUnsafeAttribute == null)
        {
            return false;
        }

        for (var symbol = scope; symbol != null && !(symbol is INamespaceSymbol); symbol = symbol.ContainingSymbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (RuleIdOf(attribute) == ruleId)
                {
                    used[Key(attribute)] = true;
                    return true;
                }
            }
        }

        return false;
    }

    public bool WasUsed(AttributeData attribute) => used.ContainsKey(Key(attribute));

    /// <summary>The rule ID of an [AllowUnsafe] attribute; null for any other attribute.</summary>
    public string? RuleIdOf(AttributeData attribute)
    {
        if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.AllowUnsafeAttribute) || attribute.ConstructorArguments.Length == 0)
        {
            return null;
        }

        return attribute.ConstructorArguments[0].Value as string;
    }

    private static string Key(AttributeData attribute)
    {
        var reference = attribute.ApplicationSyntaxReference;
        return reference == null ? attribute.ToString() : reference.SyntaxTree.FilePath + "@" + reference.Span.Start;
    }
}
