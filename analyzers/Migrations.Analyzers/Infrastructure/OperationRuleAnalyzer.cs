using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Safety.Judging;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>
/// The analyzer of rules decided on operations: it reports the verdicts Migrations.Safety's decision gives for its
/// rule on each migration — the same decision, against the same kind of history, the build applies to rendered SQL.
/// The verdicts are computed once per migration for all rules; each rule's analyzer reports its own, so every rule
/// keeps its own analyzer (one per file, switchable and timed on its own).
/// </summary>
public abstract class OperationRuleAnalyzer : MigrationAnalyzer
{
    private readonly ImmutableHashSet<string> ruleIds;

    protected OperationRuleAnalyzer(params string[] ruleIds)
        : base(ruleIds)
    {
        this.ruleIds = ruleIds.ToImmutableHashSet();
    }

    private protected sealed override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
        RegisterMigrationReports(context, migrations, (migration, report, cancellationToken) =>
        {
            if (!migrations.Runs(migration))
            {
                return;
            }

            var read = migrations.Read(migration);
            foreach (var verdict in migrations.VerdictsOf(migration))
            {
                if (ruleIds.Contains(verdict.RuleId))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var location = LocationOf(verdict, migration, migrations.Compilation);
                    migrations.Report(report, ScopeOf(location, read), verdict.RuleId, location, verdict.Arguments);
                }
            }
        });

    private static Location LocationOf(Verdict verdict, MigrationClass migration, Compilation compilation) =>
        verdict.Source is Location { IsInSource: true } location && compilation.ContainsSyntaxTree(location.SourceTree)
            ? location
            : migration.Type.Locations.First(candidate => candidate.IsInSource);

    /// <summary>The method of the migration the finding is in, so an [AllowUnsafe] on that method (or the class) counts.</summary>
    private static ISymbol ScopeOf(Location location, Reading.ReadMigration read)
    {
        foreach (var method in read.Methods)
        {
            if (SymbolEqualityComparer.Default.Equals(method.ContainingType, read.Migration.Type)
                && method.DeclaringSyntaxReferences.Any(reference => reference.SyntaxTree == location.SourceTree && reference.Span.Contains(location.SourceSpan)))
            {
                return method;
            }
        }

        return read.Migration.Type;
    }
}
