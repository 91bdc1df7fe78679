using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM012: a stored generated column added to a table with rows rewrites it. Decided in Migrations.Safety (Rules/Decisions/StoredGeneratedColumn.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StoredGeneratedColumnAnalyzer : OperationRuleAnalyzer
{
    public StoredGeneratedColumnAnalyzer()
        : base(RuleIds.StoredGeneratedColumn)
    {
    }
}
