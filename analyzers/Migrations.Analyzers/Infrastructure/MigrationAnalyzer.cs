using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>
/// The one base of every rule: concurrent, no generated code, FluentMigrator's symbols resolved once per compilation,
/// and nothing registered at all when FluentMigrator is not referenced.
/// </summary>
public abstract class MigrationAnalyzer : DiagnosticAnalyzer
{
    protected MigrationAnalyzer(params string[] ruleIds)
    {
        SupportedDiagnostics = ruleIds.Select(RuleDescriptors.Get).ToImmutableArray();
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var migrations = MigrationCompilation.Get(start.Compilation, start.Options);
            if (migrations != null)
            {
                Register(start, migrations);
            }
        });
    }

    private protected abstract void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations);

    /// <summary>
    /// Runs <paramref name="analyze"/> for every invocation inside an analysed Up() (never Down()). A code-block callback
    /// checks the owning symbol first and binds only Up() bodies into operations; the invocations then come from the
    /// shared <see cref="UpBody"/>. Per-invocation operation callbacks in ~40 analyzers cost more than the rules themselves.
    /// </summary>
    private protected static void RegisterUpInvocations(CompilationStartAnalysisContext context, MigrationCompilation migrations, Action<UpCall> analyze) =>
        RegisterUpInvocations(context, migrations, null, analyze);

    /// <summary>
    /// As above, for the invocations of methods named <paramref name="methodNames"/> only: the name is a fast pre-filter
    /// over the body's index; the rule still decides by symbol.
    /// </summary>
    private protected static void RegisterUpInvocations(CompilationStartAnalysisContext context, MigrationCompilation migrations, string[]? methodNames, Action<UpCall> analyze) =>
        context.RegisterCodeBlockAction(blockContext =>
        {
            var up = migrations.GetUpMethod(blockContext.OwningSymbol);
            if (up == null)
            {
                return;
            }

            var body = up.GetBody(blockContext.SemanticModel, blockContext.CodeBlock, blockContext.CancellationToken);
            if (methodNames == null)
            {
                Analyze(body.Invocations);
                return;
            }

            foreach (var name in methodNames)
            {
                Analyze(body.InvocationsOf(name));
            }

            void Analyze(IReadOnlyList<Microsoft.CodeAnalysis.Operations.IInvocationOperation> invocations)
            {
                foreach (var invocation in invocations)
                {
                    blockContext.CancellationToken.ThrowIfCancellationRequested();
                    analyze(new UpCall(blockContext.ReportDiagnostic, invocation, up, body));
                }
            }
        });

    /// <summary>
    /// Runs <paramref name="report"/> for every migration class that is not baselined, for findings that need what the
    /// reader read (the verdicts against the whole history, what could not be read). In the editor it runs as each class
    /// is analysed. In a build (the analyzers package's build-only config, see <see cref="AnalyzerSettings.ReportsAtCompilationEnd"/>)
    /// it runs at the end of the compilation: the compiler hands each method's bound tree to the analyzers once it has
    /// compiled the method, so a migration is read then without binding it again. Reading the whole history at the first
    /// class bound every migration a second time, before the compiler got to it: the analyzers' share of a 2,000-migration
    /// build went from 1.41 to 1.18 of the build without them (bench/Analyzers.Bench).
    /// </summary>
    private protected void RegisterMigrationReports(CompilationStartAnalysisContext context, MigrationCompilation migrations, Action<MigrationClass, Action<Diagnostic>, CancellationToken> report)
    {
        if (!migrations.Settings.ReportsAtCompilationEnd)
        {
            RegisterMigrationClasses(context, migrations, (symbolContext, migration) => report(migration, symbolContext.ReportDiagnostic, symbolContext.CancellationToken));
            return;
        }

        var classes = new ConcurrentQueue<MigrationClass>();
        RegisterMigrationClasses(context, migrations, (_, migration) => classes.Enqueue(migration));
        // One analyzer reads for all: the same callback on every method from each of 33 analyzers cost 1.5 s of CPU
        // on the 2,000-migration bench, for lookups that find the migration read already.
        if (migrations.ClaimReadingOnceCompiled())
        {
            context.RegisterCodeBlockAction(blockContext => migrations.ReadOnceCompiled(blockContext.OwningSymbol));
        }

        context.RegisterCompilationEndAction(endContext =>
        {
            foreach (var migration in classes)
            {
                report(migration, endContext.ReportDiagnostic, endContext.CancellationToken);
            }
        });
    }

    /// <summary>Runs <paramref name="analyze"/> for every migration class that is not baselined.</summary>
    private protected void RegisterMigrationClasses(CompilationStartAnalysisContext context, MigrationCompilation migrations, Action<SymbolAnalysisContext, MigrationClass> analyze)
    {
        var judgesShipped = SupportedDiagnostics.All(descriptor => Migrations.Safety.Rules.RuleCatalog.Get(descriptor.Id).JudgesShipped);
        context.RegisterSymbolAction(
            symbolContext =>
            {
                var migration = migrations.GetMigrationClass((INamedTypeSymbol)symbolContext.Symbol);
                // A migration the bundle's tags exclude never runs here, so nothing about it is a hazard; a shipped one
                // is judged only by the rules about loading and rolling back.
                if (migration != null && (judgesShipped || !migrations.IsBaselined(migration)) && migrations.Runs(migration))
                {
                    analyze(symbolContext, migration);
                }
            },
            SymbolKind.NamedType);
    }
}
