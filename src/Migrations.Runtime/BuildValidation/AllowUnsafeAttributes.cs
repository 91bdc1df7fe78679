using System.Reflection;
using Migrations.Safety.Rules;

namespace Migrations.Runtime.BuildValidation;

/// <summary>[AllowUnsafe("PGMxxx", Reason = …)] on a migration class or its Up(), as the build reads it by reflection.</summary>
internal static class AllowUnsafeAttributes
{
    /// <summary>Accepted only with a real reason: a placeholder does not switch a rule off (PGM900 says so in the IDE).</summary>
    public static bool IsAllowed(Type migration, string ruleId) => Reason(migration, ruleId) is not null;

    /// <summary>The reason the migration gives for accepting the rule ('report' shows it), or null when it gives none.</summary>
    public static string? Reason(Type migration, string ruleId) =>
        migration.GetCustomAttributes<AllowUnsafeAttribute>(inherit: false)
            .Concat(migration.GetMethod("Up", BindingFlags.Public | BindingFlags.Instance)?.GetCustomAttributes<AllowUnsafeAttribute>(inherit: false) ?? [])
            .FirstOrDefault(attribute => string.Equals(attribute.RuleId, ruleId, StringComparison.OrdinalIgnoreCase) && SuppressionReason.IsGiven(attribute.Reason))?.Reason;
}
