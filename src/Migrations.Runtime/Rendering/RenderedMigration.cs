using Migrations.Runtime.Discovery;

namespace Migrations.Runtime.Rendering;

/// <summary>The SQL one migration runs, rendered offline, with the checksum of its Up part.</summary>
/// <param name="HasBackfills">Up or Down declares a backfill, which keeps progress of its own beside the history.</param>
public sealed record RenderedMigration(
    MigrationDescriptor Migration,
    IReadOnlyList<string> Up,
    IReadOnlyList<string> Down,
    string Checksum,
    RenderProblem? UpProblem,
    RenderProblem? DownProblem,
    bool HasBackfills = false)
{
    /// <summary>
    /// The Up statements that are a backfill's batch template, by index, with the table it walks: the bundle runs them
    /// batch by batch, each its own short transaction, so the SQL reader reads them as backfills, not as one UPDATE.
    /// </summary>
    public IReadOnlyDictionary<int, Migrations.Safety.Sql.SqlName> UpBackfills { get; init; } = new Dictionary<int, Migrations.Safety.Sql.SqlName>();

    /// <summary>Up could be rendered completely (no live-database queries, no errors).</summary>
    public bool IsComplete => UpProblem is null;
}
