using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Analyzers.Bench;

/// <summary>
/// Splits the analyzers' cost in process, on the generated sources: emit alone; a do-nothing analyzer that only makes
/// Roslyn bind every method body into operations (the floor any symbol-based analyzer pays); and Migrations.Analyzers.
/// </summary>
internal static class InProcessBreakdown
{
    public static async Task RunAsync(string directory)
    {
        var trees = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(directory, file).StartsWith("obj", StringComparison.Ordinal))
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file))
            .ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Concat(new[] { typeof(FluentMigrator.Migration).Assembly.Location, typeof(FluentMigrator.MigrationAttribute).Assembly.Location, typeof(FluentMigrator.Postgres.PostgresExtensions).Assembly.Location })
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        var ours = typeof(Migrations.Analyzers.Rules.CreateIndexConcurrentlyAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

        CSharpCompilation Fresh() => CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        for (var round = 1; round <= 2; round++)
        {
            var watch = Stopwatch.StartNew();
            Fresh().Emit(Stream.Null);
            var emit = watch.Elapsed.TotalSeconds;
            var floor = await AnalyzeAsync(Fresh(), ImmutableArray.Create<DiagnosticAnalyzer>(new OperationWalker()));
            var analyzers = await AnalyzeAsync(Fresh(), ours);
            Console.WriteLine($"in process, round {round} (round 1 includes JIT): emit {emit:F2} s; do-nothing operation walker {floor:F2} s; Migrations.Analyzers {analyzers:F2} s");
        }
    }

    private static async Task<double> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var watch = Stopwatch.StartNew();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        return watch.Elapsed.TotalSeconds;
    }

#pragma warning disable RS1001, RS1036, RS2008 // a measuring probe, never shipped
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class OperationWalker : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("BENCH0", "never", "never", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationBlockAction(block =>
            {
                var count = block.OperationBlocks.Sum(operation => operation.Descendants().Count());
                if (count < 0)
                {
                    block.ReportDiagnostic(Diagnostic.Create(Never, null));
                }
            });
        }
    }
#pragma warning restore RS1001, RS1036, RS2008
}
