using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>
/// PGM100: two migrations with one version (derived attributes such as [TimestampedMigration] included), both run
/// with the bundle's tags: a SQL Server twin tagged for another database is no duplicate.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateVersionAnalyzer : MigrationAnalyzer
{
    public DuplicateVersionAnalyzer()
        : base(RuleIds.DuplicateVersion)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
        RegisterMigrationClasses(context, migrations, (symbolContext, migration) =>
        {
            if (migration.Version == null)
            {
                return;
            }

            var other = migrations.Index.WithVersion(migration.Version.Value)
                .FirstOrDefault(candidate => !SymbolEqualityComparer.Default.Equals(candidate.Type, migration.Type) && migrations.Runs(candidate));
            if (other != null)
            {
                migrations.Report(symbolContext.ReportDiagnostic, migration.Type, RuleIds.DuplicateVersion, AttributeLocation(migration), migration.Version.Value, migration.Type.Name, other.Type.Name);
            }
        });

    internal static Location AttributeLocation(MigrationClass migration) =>
        migration.Attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? migration.Type.Locations[0];
}
