using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>
    /// The raw-SQL forms of the PGM0xx/PGM03x rules: Execute.Sql literals (and constant interpolations) and embedded
    /// scripts that are AdditionalFiles go through Migrations.Safety's lexer and linter, the same code the build
    /// validation runs on rendered SQL. The diagnostic points at the literal.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnsafeRawSqlAnalyzer : MigrationAnalyzer
    {
        public UnsafeRawSqlAnalyzer()
            : base(
                RuleIds.IndexNotConcurrent, RuleIds.ConcurrentInTransaction, RuleIds.DropIndexNotConcurrent, RuleIds.ForeignKeyValidated,
                RuleIds.CheckConstraintValidated, RuleIds.ValidateInSameTransaction, RuleIds.UniqueOrPrimaryKeyOnExistingTable,
                RuleIds.SetNotNullScansTable, RuleIds.ColumnTypeChangeRewrites, RuleIds.VolatileDefaultRewrites, RuleIds.NotNullColumnWithoutDefault,
                RuleIds.StoredGeneratedColumn, RuleIds.IdentityColumnOnExistingTable, RuleIds.WholeTableDataChange, RuleIds.AccessExclusiveMaintenance,
                RuleIds.TableRewriteOrTriggerChange, RuleIds.TransactionControlInTransaction, RuleIds.DropColumn, RuleIds.RenameColumn, RuleIds.RenameTable, RuleIds.DropTable,
                RuleIds.DropOrMoveSchema, RuleIds.Truncate, RuleIds.EnumValueChange, RuleIds.JsonInsteadOfJsonb)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, new[] { "Sql", "EmbeddedScript" }, call =>
            {
                if (!call.Is(call.Symbols.ExecuteRoot, "Sql") && !call.Is(call.Symbols.ExecuteRoot, "EmbeddedScript"))
                {
                    return;
                }

                var location = call.Invocation.Arguments.Length > 0 ? call.Invocation.Arguments[0].Value.Syntax.GetLocation() : Locations.Call(call.Invocation);
                foreach (var finding in call.Body.FindingsOf(call.Invocation))
                {
                    call.Report(finding.RuleId, location, finding.Arguments.ToArray());
                }
            });
    }
}
