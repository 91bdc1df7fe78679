using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

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
                var migration = migrations.GetMigrationClass(candidate.Symbol as INamedTypeSymbol ?? candidate.Symbol.ContainingType)!;
                if (!Suppresses(migrations, migration, candidate.Symbol, candidate.Attribute, candidate.RuleId) && candidate.Attribute.ApplicationSyntaxReference != null
                    && migrations.Read(migration).Operations.Unseen.Count == 0)
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
    /// Whether the attribute switches off a finding. A rule decided on operations is asked directly (its verdicts on the
    /// migration, in the attribute's method when it sits on one), so it does not depend on that rule's analyzer having
    /// run; the structure rules record what they suppressed. A migration with code the reader cannot see is left
    /// alone: the build's rendered-SQL check may need the attribute.
    /// </summary>
    private static bool Suppresses(MigrationCompilation migrations, MigrationClass migration, ISymbol scope, AttributeData attribute, string ruleId)
    {
        if (!Migrations.Safety.Rules.Decisions.RuleDecisions.All.Any(decision => decision.RuleId == ruleId))
        {
            return migrations.Suppressions.WasUsed(attribute);
        }

        return migrations.VerdictsOf(migration).Any(verdict => verdict.RuleId == ruleId
            && (scope is INamedTypeSymbol || (verdict.Source is Location location
                && scope.DeclaringSyntaxReferences.Any(reference => reference.SyntaxTree == location.SourceTree && reference.Span.Contains(location.SourceSpan)))));
    }

    /// <summary>PGM0xx and PGM100–PGM109; PGM110 and later structure rules and PGM2xx are the build validation's.</summary>
    private static bool IsAnalyzerRule(string ruleId) =>
        RuleCatalog.TryGet(ruleId, out var rule)
        && (rule.Category == RuleCatalog.SafetyCategory || rule.Category == RuleCatalog.CompatibilityCategory || rule.Category == RuleCatalog.TypesCategory
            || (rule.Category == RuleCatalog.StructureCategory && string.CompareOrdinal(ruleId, RuleIds.TransactionPerSessionWithNone) < 0));
}
