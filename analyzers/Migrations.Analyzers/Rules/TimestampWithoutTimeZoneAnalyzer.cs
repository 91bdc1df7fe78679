using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules;

/// <summary>PGM051: timestamp without time zone loses the offset. Decided in Migrations.Safety (Rules/Decisions/TimestampWithoutTimeZone.cs).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TimestampWithoutTimeZoneAnalyzer : OperationRuleAnalyzer
{
    public TimestampWithoutTimeZoneAnalyzer()
        : base(RuleIds.TimestampWithoutTimeZone)
    {
    }
}
