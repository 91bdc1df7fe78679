namespace Migrations.Runtime.Dev;

/// <param name="Reason">Why dev rolled it back: "edited since applied", or that an older one is re-applied or comes first.</param>
internal sealed record RolledBackMigration(long Version, string Name, string Reason, long DurationMs);
