using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM001: an index built on a table with rows without CONCURRENTLY blocks writes for the whole build. Decided in Migrations.Safety (Rules/Decisions/IndexNotConcurrent.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CreateIndexConcurrentlyAnalyzer : OperationRuleAnalyzer
{
    public CreateIndexConcurrentlyAnalyzer()
        : base(RuleIds.IndexNotConcurrent)
    {
    }
}
