using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Migrations.Analyzers.Tests.Infrastructure;

internal static class AllAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Create() =>
        typeof(Migrations.Analyzers.Rules.CreateIndexConcurrentlyAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
}
