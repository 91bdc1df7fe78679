using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM053: char(n) pads values with spaces. Decided in Migrations.Safety (Rules/Decisions/FixedLengthChar.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FixedLengthCharAnalyzer : OperationRuleAnalyzer
{
    public FixedLengthCharAnalyzer()
        : base(RuleIds.FixedLengthChar)
    {
    }
}
