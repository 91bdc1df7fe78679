using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>
/// PGM103: AutoReversingMigration reverses Up() expression by expression; AlterColumn, AlterSchema, sequences,
/// data changes and Execute have no Reverse() and throw NotSupportedException at rollback.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IrreversibleInAutoReversingAnalyzer : MigrationAnalyzer
{
    public IrreversibleInAutoReversingAnalyzer()
        : base(RuleIds.IrreversibleInAutoReversing)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations)
    {
        var symbols = migrations.Symbols;
        var names = new[] { "Column", "AlterColumn", "ToSchema", "Sequence" }
            .Concat(new[] { symbols.ExecuteRoot, symbols.DeleteRoot, symbols.UpdateRoot }.SelectMany(root => root?.MemberNames ?? Enumerable.Empty<string>()))
            .Distinct()
            .ToArray();
        RegisterUpInvocations(context, migrations, names, call =>
        {
            if (call.Migration.Kind != MigrationBaseKind.AutoReversing)
            {
                return;
            }

            var description = Describe(call);
            if (description != null)
            {
                call.Report(RuleIds.IrreversibleInAutoReversing, Locations.Call(call.Invocation), description, call.Migration.Type.Name);
            }
        });
    }

    private static string? Describe(UpCall call)
    {
        var symbols = call.Symbols;
        var name = call.Method.Name;
        if (call.Is(symbols.AlterRoot, "Column"))
        {
            return "Alter.Column()";
        }

        if (call.Is(symbols.AlterTableAddColumnOrAlterColumnSyntax, "AlterColumn") || call.Is(symbols.AlterTableAddColumnOrAlterColumnSyntax, "ToSchema"))
        {
            return name + "()";
        }

        if (call.Is(symbols.CreateRoot, "Sequence"))
        {
            return "Create.Sequence()";
        }

        var type = call.Method.ContainingType.OriginalDefinition;
        var root = SymbolEqualityComparer.Default.Equals(type, symbols.ExecuteRoot) ? "Execute"
            : SymbolEqualityComparer.Default.Equals(type, symbols.DeleteRoot) ? "Delete"
            : SymbolEqualityComparer.Default.Equals(type, symbols.UpdateRoot) ? "Update"
            : null;
        return root == null ? null : root + "." + name + "()";
    }
}
