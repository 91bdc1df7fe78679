using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM013: an identity (or serial) column added to an existing table rewrites it.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class IdentityColumnAnalyzer : MigrationAnalyzer
    {
        public IdentityColumnAnalyzer()
            : base(RuleIds.IdentityColumnOnExistingTable)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, UpCall.ColumnStarts, call =>
            {
                var column = call.ExistingTableColumn(out var expression);
                if (column == null || column.Change != ColumnChange.Add || !column.IsIdentity)
                {
                    return;
                }

                var at = column.Option("Identity") ?? column.PostgresIdentity ?? column.SqlServerIdentity ?? column.TypeCall ?? column.Start;
                call.Report(RuleIds.IdentityColumnOnExistingTable, Locations.Call(at), column.Name, expression.Table);
            });
    }
}
