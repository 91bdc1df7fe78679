using Migrations.Runtime.History;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.Dev;

/// <summary>
/// What dev rolls back so that the database ends as the current code builds it: every applied migration from the oldest
/// one that was edited since it was applied (or from the oldest pending one older than an applied one: it then runs in
/// the order of the code), newest first. Only migrations that have not shipped may have changed; what dev cannot roll
/// back honestly — a Down() that is gone with its code, or that there never was — is refused before anything runs.
/// </summary>
internal static class DevPlan
{
    private const string Rebuild = "Nothing was changed. To rebuild this database from the current code, run 'reset --force'.";

    public static IReadOnlyList<(RenderedMigration Migration, string Reason)> RollBack(HistoryAnalysis analysis, IReadOnlyDictionary<long, RenderedMigration> rendered, long? shippedThrough)
    {
        var shipped = (long version) => shippedThrough is long through && version <= through;
        if (analysis.Unknown.FirstOrDefault() is { } gone)
        {
            throw shipped(gone.Version)
                ? new BundleFailure(Outcome.ValidationFailed, $"Migration {gone.Version} {gone.Name} is applied here and has shipped (at or below MigrationsShippedThrough {shippedThrough}), but it is no longer in the code: restore it, a shipped migration must not be deleted. {Rebuild}")
                : new BundleFailure(Outcome.Refused, $"Migration {gone.Version} {gone.Name} is applied here but no longer in the code, so dev cannot run its Down(): restore it and run dev (which rolls it back once it changed), or leave it deleted and rebuild the database. {Rebuild}");
        }

        if (analysis.PartlySquashed.FirstOrDefault() is { } squash)
        {
            throw new BundleFailure(Outcome.ValidationFailed, HistoryAnalysis.PartlySquashedAdvice(squash));
        }

        var edited = analysis.Modified.ToList();
        if (edited.FirstOrDefault(status => shipped(status.Migration.Version)) is { } drift)
        {
            throw new BundleFailure(Outcome.ValidationFailed, $"Migration {drift.Migration.DisplayName} was edited after it was applied here, and it has shipped (at or below MigrationsShippedThrough {shippedThrough}): that is drift, not development. Revert the edit and add a new migration. {Rebuild}");
        }

        var from = edited.Concat(analysis.OutOfOrder).Select(status => (long?)status.Migration.Version).Min();
        if (from is null)
        {
            return [];
        }

        var editedVersions = edited.Select(status => status.Migration.Version).ToHashSet();
        var after = editedVersions.Contains(from.Value) ? $"newer than {from}, which is re-applied" : $"newer than {from}, pending, which runs before it";
        var plan = analysis.Migrations.Where(status => status.IsApplied && status.Migration.Version >= from).OrderByDescending(status => status.Migration.Version)
            .Select(status => (rendered[status.Migration.Version], editedVersions.Contains(status.Migration.Version) ? "edited since applied" : after))
            .ToList();
        if (plan.FirstOrDefault(item => item.Item1.DownProblem?.Kind is RenderProblemKind.ForwardOnly or RenderProblemKind.NotReversible) is { Item1: { } stuck })
        {
            throw new BundleFailure(Outcome.Refused, $"dev would roll back {stuck.Migration.DisplayName} to re-apply from {from}, but it cannot: {stuck.DownProblem!.Message.TrimEnd('.')}. {Rebuild}");
        }

        return plan;
    }
}
