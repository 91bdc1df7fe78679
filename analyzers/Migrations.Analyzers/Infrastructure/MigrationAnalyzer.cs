using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Migrations.Analyzers.Infrastructure
{
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

        /// <summary>Runs <paramref name="analyze"/> for every invocation inside an analysed Up() (never Down()).</summary>
        private protected static void RegisterUpInvocations(CompilationStartAnalysisContext context, MigrationCompilation migrations, Action<UpCall> analyze) =>
            context.RegisterOperationAction(
                operationContext =>
                {
                    var up = migrations.GetUpMethod(operationContext.ContainingSymbol);
                    if (up != null)
                    {
                        analyze(new UpCall(operationContext, (IInvocationOperation)operationContext.Operation, up));
                    }
                },
                OperationKind.Invocation);

        /// <summary>Runs <paramref name="analyze"/> for every migration class that is not baselined.</summary>
        private protected static void RegisterMigrationClasses(CompilationStartAnalysisContext context, MigrationCompilation migrations, Action<SymbolAnalysisContext, MigrationClass> analyze) =>
            context.RegisterSymbolAction(
                symbolContext =>
                {
                    var migration = migrations.GetMigrationClass((INamedTypeSymbol)symbolContext.Symbol);
                    if (migration != null && !migrations.IsBaselined(migration))
                    {
                        analyze(symbolContext, migration);
                    }
                },
                SymbolKind.NamedType);
    }
}
