using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>
/// PGM104: with FluentMigrator 8.0.1's AddPostgres() the processor is "PostgreSQL15_0" with alias "PostgreSQL",
/// so IfDatabase("Postgres") never matches and its expressions are skipped.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IfDatabasePostgresAnalyzer : MigrationAnalyzer
{
    public IfDatabasePostgresAnalyzer()
        : base(RuleIds.IfDatabasePostgres)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
        RegisterUpInvocations(context, migrations, new[] { "IfDatabase" }, call =>
        {
            if (!call.Is(call.Symbols.MigrationBase, "IfDatabase"))
            {
                return;
            }

            foreach (var argument in call.Invocation.Arguments)
            {
                var values = argument.Value is IArrayCreationOperation array && array.Initializer != null
                    ? array.Initializer.ElementValues
                    : System.Collections.Immutable.ImmutableArray.Create(argument.Value);
                foreach (var value in values)
                {
                    if (value.ConstantValue.HasValue && value.ConstantValue.Value is string text && string.Equals(text, "Postgres", StringComparison.OrdinalIgnoreCase))
                    {
                        call.Report(RuleIds.IfDatabasePostgres, value.Syntax.GetLocation(), text);
                    }
                }
            }
        });
}
