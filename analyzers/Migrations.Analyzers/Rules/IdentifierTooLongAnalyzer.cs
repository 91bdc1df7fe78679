using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM054: an identifier longer than 63 bytes is truncated by PostgreSQL. Decided in Migrations.Safety (Rules/Decisions/IdentifierTooLong.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IdentifierTooLongAnalyzer : OperationRuleAnalyzer
{
    public IdentifierTooLongAnalyzer()
        : base(RuleIds.IdentifierTooLong)
    {
    }
}
