using System.Linq;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>
    /// PGM901: an [AllowUnsafe] that suppressed nothing. Reported at the end of the compilation, after every analyzer
    /// has recorded the suppressions it applied; rules the analyzers never report (PGM110+, PGM2xx) are left alone.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AllowUnsafeSuppressesNothingAnalyzer : MigrationAnalyzer
    {
        public AllowUnsafeSuppressesNothingAnalyzer()
            : base(RuleIds.AllowUnsafeSuppressesNothing)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations)
        {
            if (migrations.Symbols.AllowUnsafeAttribute == null)
            {
                return;
            }

            var candidates = new ConcurrentBag<(ISymbol Symbol, AttributeData Attribute, string RuleId)>();
            context.RegisterSymbolAction(
                symbolContext =>
                {
                    var type = symbolContext.Symbol as INamedTypeSymbol ?? symbolContext.Symbol.ContainingType;
                    var migration = migrations.GetMigrationClass(type);
                    if (migration == null || migrations.IsBaselined(migration))
                    {
                        return;
                    }

                    foreach (var attribute in symbolContext.Symbol.GetAttributes())
                    {
                        var ruleId = migrations.Suppressions.RuleIdOf(attribute);
                        if (ruleId != null && IsAnalyzerRule(ruleId))
                        {
                            candidates.Add((symbolContext.Symbol, attribute, ruleId));
                        }
                    }
                },
                SymbolKind.NamedType,
                SymbolKind.Method);

            context.RegisterCompilationEndAction(endContext =>
            {
                foreach (var candidate in candidates)
                {
                    if (!migrations.Suppressions.WasUsed(candidate.Attribute) && candidate.Attribute.ApplicationSyntaxReference != null
                        && !MayBeNeededByTheBuild(migrations, candidate.Symbol as INamedTypeSymbol ?? candidate.Symbol.ContainingType))
                    {
                        endContext.ReportDiagnostic(Diagnostic.Create(
                            RuleDescriptors.Get(RuleIds.AllowUnsafeSuppressesNothing),
                            candidate.Attribute.ApplicationSyntaxReference.GetSyntax(endContext.CancellationToken).GetLocation(),
                            candidate.RuleId,
                            candidate.Symbol.Name));
                    }
                }
            });
        }

        /// <summary>
        /// The build validation checks the SQL Up() really renders; where the analyzers could not see all of it (helpers,
        /// computed SQL, an Up() inherited from a base class), an unused-looking [AllowUnsafe] may be the one the build needs.
        /// </summary>
        private static bool MayBeNeededByTheBuild(MigrationCompilation migrations, INamedTypeSymbol type)
        {
            var up = type.GetMembers("Up").OfType<IMethodSymbol>().FirstOrDefault(method => method.Parameters.Length == 0 && !method.IsStatic);
            if (up == null)
            {
                return true;
            }

            return migrations.GetUpMethod(up)?.BuiltBody?.HasSqlTheAnalyzersCannotSee == true;
        }

        /// <summary>PGM0xx and PGM100–PGM109; PGM110 and later structure rules and PGM2xx are the build validation's.</summary>
        private static bool IsAnalyzerRule(string ruleId) =>
            RuleCatalog.TryGet(ruleId, out var rule)
            && (rule.Category == RuleCatalog.SafetyCategory || rule.Category == RuleCatalog.CompatibilityCategory || rule.Category == RuleCatalog.TypesCategory
                || (rule.Category == RuleCatalog.StructureCategory && string.CompareOrdinal(ruleId, RuleIds.TransactionPerSessionWithNone) < 0));
    }
}
