using Migrations.Runtime.Discovery;

namespace Migrations.Runtime.History;

/// <summary>The bundle's migrations held against the database history: what is applied, pending, edited, unknown or broken.</summary>
public sealed class HistoryAnalysis
{
    private HistoryAnalysis(IReadOnlyList<MigrationStatus> migrations, IReadOnlyList<HistoryEntry> unknown)
    {
        Migrations = migrations;
        Unknown = unknown;
    }

    public IReadOnlyList<MigrationStatus> Migrations { get; }

    /// <summary>Applied in the database but absent from this bundle (an older bundle, or a deleted migration).</summary>
    public IReadOnlyList<HistoryEntry> Unknown { get; }

    public IEnumerable<MigrationStatus> Pending => Migrations.Where(migration => migration.IsPending);

    public IEnumerable<MigrationStatus> Modified => Migrations.Where(migration => migration.Kind == StatusKind.Modified);

    public IEnumerable<MigrationStatus> Unfinished => Migrations.Where(migration => migration.Kind is StatusKind.Failed or StatusKind.Interrupted);

    public IEnumerable<MigrationStatus> OutOfOrder => Migrations.Where(migration => migration.OutOfOrder);

    /// <summary>What to do about a squash migration this database ran only part of: one line, for deploy, status and validate.</summary>
    public static string PartlySquashedAdvice(MigrationStatus status) =>
        $"{status.Migration.DisplayName} replaces {status.Migration.Squashes.Count} squashed migration(s) up to {status.Migration.Version}, and this database ran only some of them. Deploy the rest with a bundle from before the squash, then this bundle; nothing is re-run then.";

    /// <summary>Squash migrations whose database ran some of the migrations they replace, not all: neither applied nor runnable.</summary>
    public IEnumerable<MigrationStatus> PartlySquashed => Migrations.Where(migration => migration.Kind == StatusKind.PartlySquashed);

    public long? NewestApplied { get; private init; }

    /// <param name="checksums">The bundle's checksum per version; null skips the edited-migration check.</param>
    public static HistoryAnalysis Analyse(MigrationSet bundle, IReadOnlyDictionary<long, HistoryEntry> history, IReadOnlyDictionary<long, string>? checksums)
    {
        var newestApplied = history.Values.Where(entry => entry.State.CountsAsApplied()).Select(entry => (long?)entry.Version).DefaultIfEmpty().Max();
        var statuses = new List<MigrationStatus>();
        foreach (var migration in bundle.Migrations)
        {
            history.TryGetValue(migration.Version, out var entry);
            var kind = (migration.IsSquash ? SquashKind(migration, entry, history) : null) ?? entry switch
            {
                null => StatusKind.Pending,
                { State: MigrationState.Running } => StatusKind.Interrupted,
                { State: MigrationState.Failed } => StatusKind.Failed,
                { State: var state } when !state.CountsAsApplied() => StatusKind.Pending,
                { Checksum: { } recorded } when checksums is not null && checksums.TryGetValue(migration.Version, out var current) && recorded != current => StatusKind.Modified,
                _ => StatusKind.Applied,
            };
            var outOfOrder = kind == StatusKind.Pending && newestApplied is { } newest && migration.Version < newest;
            statuses.Add(new MigrationStatus(migration, kind, entry, outOfOrder));
        }

        var unknown = history.Values.Where(entry => entry.State.CountsAsApplied() && !bundle.Contains(entry.Version) && bundle.SquashedInto(entry.Version) is null).OrderBy(entry => entry.Version).ToList();
        return new HistoryAnalysis(statuses, unknown) { NewestApplied = newestApplied };
    }

    /// <summary>
    /// A squash takes the version of the newest migration it replaced: where the history has that version applied by
    /// another migration, the squashed schema is there (applied, no checksum to compare); where none of its versions ran,
    /// it is an ordinary migration; where only some ran, it is neither.
    /// </summary>
    private static StatusKind? SquashKind(MigrationDescriptor migration, HistoryEntry? entry, IReadOnlyDictionary<long, HistoryEntry> history)
    {
        if (entry is not null && entry.State.CountsAsApplied())
        {
            return entry.Name == migration.Name ? null : StatusKind.Applied;
        }

        return migration.Squashes.Any(version => history.TryGetValue(version, out var squashed) && squashed.State.CountsAsApplied()) ? StatusKind.PartlySquashed : null;
    }
}

public enum StatusKind
{
    Applied,
    Pending,
    Failed,
    Interrupted,
    Modified,

    /// <summary>A squash migration on a database that ran only some of the migrations it replaces.</summary>
    PartlySquashed,
}

public sealed record MigrationStatus(MigrationDescriptor Migration, StatusKind Kind, HistoryEntry? Entry, bool OutOfOrder)
{
    /// <summary>Deploy would run it: never applied, rolled back, or a non-transactional run that did not finish.</summary>
    public bool IsPending => Kind is StatusKind.Pending or StatusKind.Failed or StatusKind.Interrupted;

    public bool IsApplied => Kind is StatusKind.Applied or StatusKind.Modified;

    public string Label => Kind switch
    {
        StatusKind.Pending when OutOfOrder => "pending (out of order)",
        StatusKind.Modified => "applied, modified since",
        StatusKind.PartlySquashed => "squashed, partly applied",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
