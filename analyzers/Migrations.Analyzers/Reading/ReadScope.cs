using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Migrations.Analyzers.Reading;

/// <summary>
/// Where the reader is while it follows a migration's code: which method body, with which argument for each of its
/// parameters (a helper's <c>tableName</c> is the caller's "applications"), and where its findings are shown when the
/// body is not the migration's own code (a base class's Up(), a shared helper): at the call in the migration.
/// </summary>
internal sealed class ReadScope
{
    private readonly Dictionary<IParameterSymbol, IOperation> arguments;

    private ReadScope(ReadScope? caller, IMethodSymbol? method, Dictionary<IParameterSymbol, IOperation> arguments, Location? anchor, int depth)
    {
        Caller = caller;
        Method = method;
        this.arguments = arguments;
        Anchor = anchor;
        Depth = depth;
    }

    public ReadScope? Caller { get; }

    public IMethodSymbol? Method { get; }

    /// <summary>Null while reading the migration's own code; else where everything read here is reported.</summary>
    public Location? Anchor { get; }

    public int Depth { get; }

    public static ReadScope Root(Location? anchor) => new ReadScope(null, null, new Dictionary<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default), anchor, 0);

    /// <summary>The scope of a called method: its parameters bound to the call's arguments (read in this scope).</summary>
    public ReadScope Enter(IMethodSymbol method, IEnumerable<KeyValuePair<IParameterSymbol, IOperation>> boundArguments, Location? anchor)
    {
        var bound = new Dictionary<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default);
        foreach (var pair in boundArguments)
        {
            bound[pair.Key.OriginalDefinition] = pair.Value;
        }

        return new ReadScope(this, method, bound, anchor, Depth + 1);
    }

    /// <summary>The argument the caller gave <paramref name="parameter"/>, to be read in <see cref="Caller"/>'s scope.</summary>
    public IOperation? ArgumentOf(IParameterSymbol parameter) =>
        arguments.TryGetValue(parameter.OriginalDefinition, out var argument) ? argument : null;

    /// <summary>True when <paramref name="method"/> is already being read further up (recursion).</summary>
    public bool IsReading(IMethodSymbol method)
    {
        for (var scope = this; scope != null; scope = scope.Caller)
        {
            if (scope.Method != null && SymbolEqualityComparer.Default.Equals(scope.Method.OriginalDefinition, method.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
