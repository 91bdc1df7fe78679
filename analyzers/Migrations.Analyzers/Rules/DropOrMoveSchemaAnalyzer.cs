using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM034: dropping or renaming a schema, or moving a table, breaks running code. Decided in Migrations.Safety (Rules/Decisions/DropOrMoveSchema.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DropOrMoveSchemaAnalyzer : OperationRuleAnalyzer
{
    public DropOrMoveSchemaAnalyzer()
        : base(RuleIds.DropOrMoveSchema)
    {
    }
}
