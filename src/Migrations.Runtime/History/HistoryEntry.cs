namespace Migrations.Runtime.History;

/// <summary>The newest history row of one version.</summary>
public sealed record HistoryEntry(
    long Version,
    string Name,
    string? Checksum,
    MigrationState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    long? DurationMs,
    string? AppliedBy,
    string? Host,
    string? BundleVersion,
    string? Detail);
