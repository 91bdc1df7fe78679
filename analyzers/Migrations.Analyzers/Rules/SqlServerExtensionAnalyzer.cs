using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM105: FluentMigrator.SqlServer extensions share names with the Postgres ones but the PostgreSQL generator ignores them.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlServerExtensionAnalyzer : MigrationAnalyzer
{
    public SqlServerExtensionAnalyzer()
        : base(RuleIds.SqlServerExtension)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations)
    {
        var extensions = migrations.Symbols.SqlServerExtensions;
        if (extensions == null)
        {
            return;
        }

        RegisterUpInvocations(context, migrations, extensions.MemberNames.ToArray(), call =>
        {
            if (SymbolEqualityComparer.Default.Equals(call.Method.ContainingType, extensions))
            {
                call.Report(RuleIds.SqlServerExtension, Locations.Call(call.Invocation), call.Method.Name);
            }
        });
    }
}
