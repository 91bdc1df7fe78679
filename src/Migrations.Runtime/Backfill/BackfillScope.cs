using Migrations.Runtime.Engine;
using Migrations.Runtime.Output;
using Npgsql;

namespace Migrations.Runtime.Backfill;

/// <summary>
/// What the backfills of one migration run need from the deploy: the deploying connection (it holds the deploy lock,
/// and no migration transaction is open on it), where progress is kept, the health limits and where to report.
/// Backfills are numbered in the order the migration declares them, which is how a resumed run finds its progress.
/// </summary>
internal sealed class BackfillScope(
    string migration,
    long version,
    MigrationDirection direction,
    NpgsqlConnection connection,
    BackfillProgressStore store,
    string connectionString,
    HealthLimits limits,
    BlockerMonitor monitor,
    IProgressReporter progress,
    CancellationToken cancellationToken)
{
    private int _next;

    public string Migration => migration;

    public long Version => version;

    public string Direction => BackfillProgressStore.DirectionName(direction);

    public NpgsqlConnection Connection => connection;

    public BackfillProgressStore Store => store;

    public string ConnectionString => connectionString;

    public HealthLimits Limits => limits;

    public BlockerMonitor Monitor => monitor;

    public IProgressReporter Progress => progress;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Where the backfill running now stands, as its last committed batch left it (null before it starts).</summary>
    public BackfillProgress? Current { get; set; }

    public int NextOrdinal() => _next++;
}
