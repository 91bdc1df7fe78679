using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>
    /// PGM010: a column added with a volatile default (SystemMethods.NewGuid, NewSequentialId) rewrites the table;
    /// before PostgreSQL 11 any non-null default does.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class VolatileDefaultAnalyzer : MigrationAnalyzer
    {
        public VolatileDefaultAnalyzer()
            : base(RuleIds.VolatileDefaultRewrites)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterUpInvocations(context, migrations, UpCall.ColumnStarts, call =>
            {
                var column = call.ExistingTableColumn(out var expression);
                var defaultCall = column?.Default;
                if (column == null || column.Change != ColumnChange.Add || defaultCall == null)
                {
                    return;
                }

                var rendered = VolatileDefault(call, defaultCall);
                if (rendered == null && call.Compilation.Settings.PostgresVersion < 11)
                {
                    rendered = defaultCall.Arguments.Length > 0 ? defaultCall.Arguments[0].Value.Syntax.ToString() : "the default";
                }

                if (rendered != null)
                {
                    call.Report(RuleIds.VolatileDefaultRewrites, Locations.Call(defaultCall), column.Name, expression.Table, rendered);
                }
            });

        /// <summary>The SQL FluentMigrator renders for a volatile SystemMethods value, else null.</summary>
        private static string? VolatileDefault(UpCall call, Microsoft.CodeAnalysis.Operations.IInvocationOperation defaultCall)
        {
            if (defaultCall.TargetMethod.Name != "WithDefault" || !(FluentChain.Argument(defaultCall, "method") is int value))
            {
                return null;
            }

            var member = call.Symbols.SystemMethods?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field => field.HasConstantValue && Equals(field.ConstantValue, value));
            return member?.Name switch
            {
                "NewGuid" => "uuid_generate_v4() (SystemMethods.NewGuid)",
                "NewSequentialId" => "uuid_generate_v1() (SystemMethods.NewSequentialId)",
                _ => null,
            };
        }
    }
}
