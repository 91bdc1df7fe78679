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

    public long? NewestApplied { get; private init; }

    /// <param name="checksums">The bundle's checksum per version; null skips the edited-migration check.</param>
    public static HistoryAnalysis Analyse(MigrationSet bundle, IReadOnlyDictionary<long, HistoryEntry> history, IReadOnlyDictionary<long, string>? checksums)
    {
        var newestApplied = history.Values.Where(entry => entry.State.CountsAsApplied()).Select(entry => (long?)entry.Version).DefaultIfEmpty().Max();
        var statuses = new List<MigrationStatus>();
        foreach (var migration in bundle.Migrations)
        {
            history.TryGetValue(migration.Version, out var entry);
            var kind = entry switch
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

        var unknown = history.Values.Where(entry => entry.State.CountsAsApplied() && !bundle.Contains(entry.Version)).OrderBy(entry => entry.Version).ToList();
        return new HistoryAnalysis(statuses, unknown) { NewestApplied = newestApplied };
    }
}

public enum StatusKind
{
    Applied,
    Pending,
    Failed,
    Interrupted,
    Modified,
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
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
