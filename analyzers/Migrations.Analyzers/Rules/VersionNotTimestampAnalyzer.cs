using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM101: a version that is not timestamp-shaped (see <see cref="MigrationVersion"/>) collides across branches.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VersionNotTimestampAnalyzer : MigrationAnalyzer
{
    public VersionNotTimestampAnalyzer()
        : base(RuleIds.VersionNotTimestamp)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
        RegisterMigrationClasses(context, migrations, (symbolContext, migration) =>
        {
            if (migration.Version.HasValue && !MigrationVersion.IsTimestamp(migration.Version.Value))
            {
                migrations.Report(symbolContext.ReportDiagnostic, migration.Type, RuleIds.VersionNotTimestamp, DuplicateVersionAnalyzer.AttributeLocation(migration), migration.Version.Value, migration.Type.Name);
            }
        });
}
