using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>
/// The one lookup of types by metadata name, cached per compilation (BannedSymbols.txt bans the raw
/// Compilation.GetTypeByMetadataName). The raw call ignores accessibility and returns null as soon as two references
/// define the name, say an internal polyfill of an attribute beside the real one; this takes the compilation's own type
/// first, then the one visible referenced type, and remembers every answer, null included.
/// </summary>
internal sealed class WellKnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> Cache = new ConditionalWeakTable<Compilation, WellKnownTypes>();

    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> types = new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);

    private WellKnownTypes(Compilation compilation)
    {
        this.compilation = compilation;
    }

    public static WellKnownTypes Of(Compilation compilation) => Cache.GetValue(compilation, key => new WellKnownTypes(key));

    /// <summary>The type named <paramref name="metadataName"/> (namespace, name, `arity), or null when none or several are visible.</summary>
    public INamedTypeSymbol? Get(string metadataName) => types.GetOrAdd(metadataName, Find);

    private INamedTypeSymbol? Find(string metadataName)
    {
        var own = compilation.Assembly.GetTypeByMetadataName(metadataName);
        if (own != null)
        {
            return own;
        }

        INamedTypeSymbol? found = null;
        foreach (var reference in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            var candidate = reference.GetTypeByMetadataName(metadataName);
            if (candidate == null || !(candidate.DeclaredAccessibility == Accessibility.Public || reference.GivesAccessTo(compilation.Assembly)))
            {
                continue;
            }

            if (found != null && !SymbolEqualityComparer.Default.Equals(found, candidate))
            {
                return null;
            }

            found = candidate;
        }

        return found;
    }
}
