using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>
/// PGM112: once per migration, what the C# reader could not read (SQL built at run time, code outside the project,
/// live-database queries): silence in the editor there is not a verdict, and the build's rendered-SQL check gives it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OnlyCheckedAtBuildAnalyzer : MigrationAnalyzer
{
    public OnlyCheckedAtBuildAnalyzer()
        : base(RuleIds.OnlyCheckedAtBuild)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
        RegisterMigrationReports(context, migrations, (migration, report, _) =>
        {
            var unseen = migrations.Runs(migration) ? migrations.Read(migration).Operations.Unseen : null;
            if (unseen != null && unseen.Count > 0)
            {
                report(Diagnostic.Create(
                    RuleDescriptors.Get(RuleIds.OnlyCheckedAtBuild),
                    migration.Type.Locations.First(location => location.IsInSource),
                    migration.Type.Name,
                    string.Join("; ", unseen)));
            }
        });
}
