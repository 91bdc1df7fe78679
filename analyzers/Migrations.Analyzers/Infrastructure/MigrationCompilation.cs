using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Migrations.Analyzers.Infrastructure
{
    /// <summary>
    /// Everything the analyzers share for one compilation, built once and cached: symbols, settings, the migration
    /// classes, the per-Up() models, the schema history and the record of what [AllowUnsafe] suppressed.
    /// </summary>
    internal sealed class MigrationCompilation
    {
        private static readonly ConditionalWeakTable<Compilation, StrongBox<MigrationCompilation?>> Cache = new ConditionalWeakTable<Compilation, StrongBox<MigrationCompilation?>>();

        private readonly ConcurrentDictionary<INamedTypeSymbol, MigrationClass?> classes = new ConcurrentDictionary<INamedTypeSymbol, MigrationClass?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, UpMethod?> upMethods = new ConcurrentDictionary<IMethodSymbol, UpMethod?>(SymbolEqualityComparer.Default);
        private readonly Lazy<SchemaHistory> history;
        private readonly Lazy<MigrationIndex> index;

        private MigrationCompilation(Compilation compilation, FluentMigratorSymbols symbols, AnalyzerSettings settings, AnalyzerOptions options)
        {
            Compilation = compilation;
            Symbols = symbols;
            Settings = settings;
            Options = options;
            Suppressions = new Suppressions(symbols);
            index = new Lazy<MigrationIndex>(() => MigrationIndex.Build(this), LazyThreadSafetyMode.ExecutionAndPublication);
            history = new Lazy<SchemaHistory>(() => SchemaHistory.Build(this), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public Compilation Compilation { get; }

        public FluentMigratorSymbols Symbols { get; }

        public AnalyzerSettings Settings { get; }

        public AnalyzerOptions Options { get; }

        public Suppressions Suppressions { get; }

        /// <summary>Every migration class of the compilation, by version (built on first use).</summary>
        public MigrationIndex Index => index.Value;

        /// <summary>The schema as the earlier migrations leave it (built on first use, once per compilation).</summary>
        public SchemaHistory History => history.Value;

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

        /// <summary>True when the migration is at or below MigrationsSafetyStartAfter.</summary>
        public bool IsBaselined(MigrationClass migration) =>
            Settings.StartAfter > 0 && migration.Version.HasValue && migration.Version.Value <= Settings.StartAfter;

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

            if (!(symbol is IMethodSymbol method) || method.Name != "Up" || method.Parameters.Length != 0 || method.IsStatic || !method.IsOverride)
            {
                return null;
            }

            return upMethods.GetOrAdd(method, key =>
            {
                var migration = GetMigrationClass(key.ContainingType);
                return migration == null || IsBaselined(migration) ? null : new UpMethod(this, migration, key);
            });
        }

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
}
