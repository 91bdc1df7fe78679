using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM037: json instead of jsonb. Decided in Migrations.Safety (Rules/Decisions/JsonInsteadOfJsonb.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JsonColumnAnalyzer : OperationRuleAnalyzer
{
    public JsonColumnAnalyzer()
        : base(RuleIds.JsonInsteadOfJsonb)
    {
    }
}
