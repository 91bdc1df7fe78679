using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.Deploy;

/// <summary>What --rollback-on-failure undid, and what it left applied and why.</summary>
internal sealed record RollbackOutcome(IReadOnlyList<Undone> Undone, IReadOnlyList<Kept> NotUndone)
{
    public string Summary(int appliedThisRun) => appliedThisRun == 0
        ? "Nothing to roll back: this deploy had applied no migration before the failure."
        : NotUndone.Count == 0
            ? $"Rolled back all {Undone.Count} migration(s) this deploy applied ({string.Join(", ", Undone.Select(item => $"{item.Version} {item.Name}"))}): the database is back where this deploy started."
            : $"Rolled back {Undone.Count} of the {appliedThisRun} migration(s) this deploy applied{(Undone.Count > 0 ? $" ({string.Join(", ", Undone.Select(item => $"{item.Version} {item.Name}"))})" : string.Empty)}; still applied: {string.Join("; ", NotUndone.Select(item => $"{item.Version} {item.Name} ({item.Reason})"))}.";
}

internal sealed record Undone(long Version, string Name, bool Transactional, long DurationMs);

internal sealed record Kept(long Version, string Name, string Reason)
{
    public static Kept Of(RenderedMigration rendered, string reason) => new(rendered.Migration.Version, rendered.Migration.Name, reason);
}
