namespace Migrations.Runtime.History;

/// <summary>One event to append to the history.</summary>
public sealed record HistoryRecord(
    long Version,
    string Name,
    string? Checksum,
    MigrationState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt = null,
    long? DurationMs = null,
    string? Detail = null);
