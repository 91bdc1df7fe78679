namespace Migrations.Safety.Rules;

/// <summary>Default severity of a rule; mirrors Roslyn's DiagnosticSeverity without depending on Roslyn.</summary>
public enum RuleSeverity
{
    Hidden = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}
