using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Safety.Judging;
using Migrations.Safety.Model;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>
/// Everything the analyzers share for one compilation, built once and cached: symbols, settings, the migration
/// classes, the per-Up() models, the schema history and the record of what [AllowUnsafe] suppressed.
/// </summary>
internal sealed class MigrationCompilation
{
    private static readonly ConditionalWeakTable<Compilation, StrongBox<MigrationCompilation?>> Cache = new ConditionalWeakTable<Compilation, StrongBox<MigrationCompilation?>>();

    private readonly ConcurrentDictionary<INamedTypeSymbol, MigrationClass?> classes = new ConcurrentDictionary<INamedTypeSymbol, MigrationClass?>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, UpMethod?> upMethods = new ConcurrentDictionary<IMethodSymbol, UpMethod?>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<Reading.ReadMigration>> read = new ConcurrentDictionary<INamedTypeSymbol, Lazy<Reading.ReadMigration>>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<IReadOnlyList<Verdict>>> verdicts = new ConcurrentDictionary<INamedTypeSymbol, Lazy<IReadOnlyList<Verdict>>>(SymbolEqualityComparer.Default);
    private readonly Lazy<SchemaTimeline> timeline;
    private readonly Lazy<MigrationIndex> index;
    private int readingClaimed;

    private MigrationCompilation(Compilation compilation, FluentMigratorSymbols symbols, AnalyzerSettings settings, AnalyzerOptions options)
    {
        Compilation = compilation;
        Symbols = symbols;
        Settings = settings;
        Options = options;
        Suppressions = new Suppressions(symbols);
        index = new Lazy<MigrationIndex>(() => MigrationIndex.Build(this), LazyThreadSafetyMode.ExecutionAndPublication);
        timeline = new Lazy<SchemaTimeline>(BuildTimeline, LazyThreadSafetyMode.ExecutionAndPublication);
        JudgeSettings = new JudgeSettings
        {
            PostgresVersion = settings.PostgresVersion,
            ShippedThrough = settings.ShippedThrough,
            SafetyStartAfter = settings.StartAfter,
            // Every rule is decided; the compiler applies .editorconfig and default enablement to the diagnostics.
            IsEnabled = _ => true,
        };
    }

    public Compilation Compilation { get; }

    public FluentMigratorSymbols Symbols { get; }

    public AnalyzerSettings Settings { get; }

    public AnalyzerOptions Options { get; }

    public Suppressions Suppressions { get; }

    /// <summary>Every migration class of the compilation, by version (built on first use).</summary>
    public MigrationIndex Index => index.Value;

    public JudgeSettings JudgeSettings { get; }

    /// <summary>The schema history of every migration the bundle runs, from the C# reader (built on first use, once).</summary>
    public SchemaTimeline Timeline => timeline.Value;

    /// <summary>The operations of a migration's Up(), read once and shared by the timeline and every rule.</summary>
    public Reading.ReadMigration Read(MigrationClass migration) =>
        read.GetOrAdd(migration.Type, _ => new Lazy<Reading.ReadMigration>(() => Reading.MigrationReader.Read(this, migration, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>True for the first analyzer that asks: it registers <see cref="ReadOnceCompiled"/> for all of them.</summary>
    public bool ClaimReadingOnceCompiled() => Interlocked.Exchange(ref readingClaimed, 1) == 0;

    /// <summary>
    /// Reads the migration whose Up() <paramref name="compiledSymbol"/> is, from a code-block callback: in a build the
    /// compiler has just bound that body and left its bound tree on the semantic model, so reading it binds nothing.
    /// Every migration that runs is read, shipped ones too: the history needs them.
    /// </summary>
    public void ReadOnceCompiled(ISymbol compiledSymbol)
    {
        if (compiledSymbol is IMethodSymbol method && IsUpOverride(method)
            && GetMigrationClass(method.ContainingType) is { } migration
            && Runs(migration))
        {
            Read(migration);
        }
    }

    /// <summary>Every rule's verdicts on a migration, decided once against the whole history.</summary>
    public IReadOnlyList<Verdict> VerdictsOf(MigrationClass migration) =>
        verdicts.GetOrAdd(migration.Type, _ => new Lazy<IReadOnlyList<Verdict>>(() => Judge(migration), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private IReadOnlyList<Verdict> Judge(MigrationClass migration)
    {
        var operations = Read(migration).Operations;
        if (migration.Version.HasValue && Runs(migration))
        {
            return MigrationJudge.Judge(operations, Timeline, JudgeSettings);
        }

        // Not in the versioned history ([Maintenance], an attribute whose version cannot be read): after all of it.
        var history = Index.Migrations.Where(Runs).Select(other => Read(other).Operations).Append(operations);
        return MigrationJudge.Judge(operations, SchemaTimeline.Build(history), JudgeSettings);
    }

    /// <summary>FluentMigrator runs it with the bundle's tags (MigrationsTags): a migration for another database's tag is not judged.</summary>
    public bool Runs(MigrationClass migration) => migration.RunsWith(Settings.Tags);

    private SchemaTimeline BuildTimeline()
    {
        var running = Index.Migrations.Where(Runs).ToList();
        // The editor's first analysis reads every migration here (a build has read most already): each read is its own.
        System.Threading.Tasks.Parallel.ForEach(running, migration => Read(migration));
        return SchemaTimeline.Build(running.Select(migration => Read(migration).Operations));
    }

    /// <summary>The shared state of a compilation; null when FluentMigrator is not referenced.</summary>
    public static MigrationCompilation? Get(Compilation compilation, AnalyzerOptions options)
    {
        var box = Cache.GetValue(compilation, key =>
        {
            var symbols = FluentMigratorSymbols.TryCreate(key);
            return new StrongBox<MigrationCompilation?>(symbols == null ? null : new MigrationCompilation(key, symbols, AnalyzerSettings.Read(options), options));
        });
        return box.Value;
    }

    public MigrationClass? GetMigrationClass(INamedTypeSymbol? type) =>
        type == null ? null : classes.GetOrAdd(type, key => MigrationClass.TryCreate(key, Symbols));

    /// <summary>True when the migration has shipped (MigrationsShippedThrough, MigrationsSafetyStartAfter): see <see cref="JudgeSettings.IsShipped"/>.</summary>
    public bool IsBaselined(MigrationClass migration) =>
        migration.Version.HasValue && JudgeSettings.IsShipped(migration.Version.Value);

    /// <summary>
    /// The analysed Up() that owns code in <paramref name="containingSymbol"/> (lambdas and local functions included);
    /// null for Down(), helpers, non-migrations and baselined migrations.
    /// </summary>
    public UpMethod? GetUpMethod(ISymbol? containingSymbol)
    {
        var symbol = containingSymbol;
        while (symbol is IMethodSymbol nested && (nested.MethodKind == MethodKind.LambdaMethod || nested.MethodKind == MethodKind.LocalFunction))
        {
            symbol = nested.ContainingSymbol;
        }

        if (!(symbol is IMethodSymbol method) || !IsUpOverride(method))
        {
            return null;
        }

        return upMethods.GetOrAdd(method, key =>
        {
            var migration = GetMigrationClass(key.ContainingType);
            return migration == null || IsBaselined(migration) ? null : new UpMethod(this, migration, key);
        });
    }

    /// <summary>An override of MigrationBase's Up(): the body FluentMigrator runs to migrate up.</summary>
    private static bool IsUpOverride(IMethodSymbol method) =>
        method.Name == "Up" && method.Parameters.Length == 0 && !method.IsStatic && method.IsOverride;

    /// <summary>Reports unless an [AllowUnsafe] on <paramref name="scope"/> or its containing types suppresses the rule.</summary>
    public void Report(Action<Diagnostic> report, ISymbol scope, string ruleId, Location location, params object?[] arguments)
    {
        if (Suppressions.TrySuppress(scope, ruleId))
        {
            return;
        }

        report(Diagnostic.Create(RuleDescriptors.Get(ruleId), location, arguments));
    }
}
