using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Migrations.Analyzers.Tests.Infrastructure;

/// <summary>Runs every analyzer over a set of sources the way the compiler does (default severities, disabled rules off).</summary>
internal static class AnalyzerRunner
{
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyCollection<Exception> Exceptions)> RunAsync(IEnumerable<string> sources, bool requireCompilation = true)
    {
        var trees = sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: $"/src/File{index}.cs"));
        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            TestReferences.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        if (requireCompilation)
        {
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The corpus does not compile:\n" + string.Join("\n", errors));
        }

        var exceptions = new ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers.Create(), options).GetAnalyzerDiagnosticsAsync();
        return (diagnostics, exceptions);
    }
}
