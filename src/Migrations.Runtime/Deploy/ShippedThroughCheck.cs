using System.Reflection;
using Migrations.Runtime.BuildValidation;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Rendering;
using Migrations.Safety.Judging;

namespace Migrations.Runtime.Deploy;

/// <summary>
/// Holds the build to what the target database knows. With MigrationsShippedThrough the build treats a table created by a
/// later migration as empty (an index on it needs no CONCURRENTLY, say). On a database that has already applied such a
/// migration (an earlier deploy of a half-released change, a staging environment ahead of the flag) that table may hold
/// rows: the pending migrations are judged again as if everything applied there had shipped, and a finding that appears
/// only then stops the deploy before anything runs.
/// </summary>
internal static class ShippedThroughCheck
{
    public static void Refuse(Assembly bundle, IReadOnlyList<RenderedMigration> all, IReadOnlyList<RenderedMigration> plan, long? newestApplied)
    {
        if (plan.Count == 0 || newestApplied is not long applied
            || BundleShippedThroughAttribute.Of(bundle) is not long shippedThrough
            || applied <= shippedThrough)
        {
            return;
        }

        var ordered = all.OrderBy(migration => migration.Migration.Version).ToList();
        var asBuilt = RenderedSqlJudge.Judge(ordered, new JudgeSettings { ShippedThrough = shippedThrough });
        var asDeployed = RenderedSqlJudge.Judge(ordered, new JudgeSettings { ShippedThrough = applied });
        foreach (var migration in plan)
        {
            var known = asBuilt.GetValueOrDefault(migration.Migration.Version, []).Select(verdict => (verdict.RuleId, verdict.Message)).ToHashSet();
            var revealed = asDeployed.GetValueOrDefault(migration.Migration.Version, [])
                .FirstOrDefault(verdict => !known.Contains((verdict.RuleId, verdict.Message)) && !AllowUnsafeAttributes.IsAllowed(migration.Migration.Type, verdict.RuleId));
            if (revealed is not null)
            {
                throw new BundleFailure(Outcome.Refused,
                    $"The bundle was built with MigrationsShippedThrough={shippedThrough}, but this database has already applied migrations up to {applied}, so "
                    + $"{migration.Migration.DisplayName} is not safe here: {revealed.RuleId}: {revealed.Message} Nothing was deployed. Rebuild with "
                    + $"MigrationsShippedThrough={applied} (and fix what it reports), or pass --trust-build to deploy as judged.");
            }
        }
    }
}
