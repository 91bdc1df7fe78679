namespace Migrations;

/// <summary>
/// Accepts an operation a PGM rule reports as unsafe, for one migration class or method.
/// The reason is required (PGM900) so a reviewer can see why the risk is acceptable here.
/// </summary>
/// <example><code>[AllowUnsafe("PGM030", Reason = "column unused since release 42")]</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class AllowUnsafeAttribute(string ruleId) : Attribute
{
    public string RuleId { get; } = ruleId;

    public string? Reason { get; set; }
}
