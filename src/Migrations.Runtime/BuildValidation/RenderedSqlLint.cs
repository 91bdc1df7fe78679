using System.Reflection;
using Migrations.Runtime.Rendering;
using Migrations.Safety.Sql;

namespace Migrations.Runtime.BuildValidation;

/// <summary>
/// Applies the PGM0xx/PGM03x rules to the SQL each migration really renders, which also covers what static analysis
/// cannot see (migrations built by helpers or loops, embedded scripts, SQL-file migrations).
/// </summary>
internal static class RenderedSqlLint
{
    public static IEnumerable<(string RuleId, string Message)> Lint(RenderedMigration rendered, int postgresVersion)
    {
        var context = new SqlLintContext { PostgresVersion = postgresVersion, InTransaction = rendered.Migration.IsTransactional };
        var seen = new HashSet<(string, string)>();
        // Every recorded statement, also one that starts with a comment: a .sql migration is one statement whose text
        // usually opens with one (Prisma writes "-- CreateTable"); comments are trivia to the linter anyway.
        foreach (var statement in rendered.Up)
        {
            foreach (var finding in SqlLinter.Lint(statement, context))
            {
                if (seen.Add((finding.RuleId, finding.Message)))
                {
                    yield return (finding.RuleId, finding.Message);
                }
            }
        }
    }

    /// <summary>[AllowUnsafe("PGMxxx", Reason = …)] on the class or on Up() accepts the rule for this migration.</summary>
    public static bool IsAllowed(Type migration, string ruleId) =>
        AllowedRules(migration).Contains(ruleId);

    private static HashSet<string> AllowedRules(Type migration)
    {
        var attributes = migration.GetCustomAttributes<AllowUnsafeAttribute>(inherit: false)
            .Concat(migration.GetMethod("Up", BindingFlags.Public | BindingFlags.Instance)?.GetCustomAttributes<AllowUnsafeAttribute>(inherit: false) ?? []);
        return attributes.Where(attribute => Migrations.Safety.Rules.SuppressionReason.IsGiven(attribute.Reason)).Select(attribute => attribute.RuleId).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
