using Migrations.Runtime.Discovery;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.Engine;

/// <summary>
/// Applies a plan of migrations, one direction at a time, through one <see cref="MigrationApplier"/> and one
/// <see cref="BlockerMonitor"/>: the loop deploy, rollback and the verbs that build scratch databases (test, drift,
/// baseline, squash, reset) share, so every migration runs exactly as it would in production.
/// </summary>
internal sealed class MigrationRunner : IAsyncDisposable
{
    private readonly MigrationRenderer _renderer;
    private readonly MigrationApplier _applier;
    private readonly BlockerMonitor _monitor;
    private readonly IProgressReporter _progress;
    private readonly bool _announce;

    /// <summary>A runner with deploy's defaults and no line per migration: for databases the bundle owns for the moment.</summary>
    public MigrationRunner(LiveSession session, IProgressReporter progress, CancellationToken cancellationToken)
        : this(session, DeployTimeouts.Default, RetryPolicy.Default, progress, announce: false, cancellationToken)
    {
    }

    /// <param name="announce">One progress line per migration, and how long it took (deploy, rollback).</param>
    /// <param name="limits">When backfills pause and index builds give up (deploy's options); the defaults otherwise.</param>
    public MigrationRunner(LiveSession session, DeployTimeouts timeouts, RetryPolicy retries, IProgressReporter progress, bool announce, CancellationToken cancellationToken, Backfill.HealthLimits? limits = null)
    {
        _renderer = session.Renderer;
        // The session's watcher connection, opened with it, where there is one; otherwise the monitor opens its own.
        _monitor = new BlockerMonitor(session.Settings.ConnectionString, session.TakeWatcher());
        _applier = new MigrationApplier(session, timeouts, retries, progress, cancellationToken) { Limits = limits ?? Backfill.HealthLimits.Default };
        _progress = progress;
        _announce = announce;
    }

    public RenderedMigration Render(MigrationDescriptor migration) => _renderer.Render(migration);

    /// <param name="resumesEarlierAttempt">The history shows an unfinished earlier run of this migration (failed or interrupted).</param>
    public async Task<TimeSpan> ApplyAsync(RenderedMigration migration, MigrationDirection direction, bool resumesEarlierAttempt = false)
    {
        var up = direction == MigrationDirection.Up;
        if (_announce)
        {
            var mode = migration.Migration.IsTransactional ? string.Empty : " (no transaction)";
            _progress.Info($"  {(up ? "→" : "←")} {migration.Migration.DisplayName}{mode}");
        }

        var elapsed = await _applier.ApplyAsync(migration, direction, _monitor, resumesEarlierAttempt);
        if (_announce)
        {
            _progress.Info($"    {(up ? "applied" : "rolled back")} in {elapsed.TotalSeconds:0.00}s");
        }

        return elapsed;
    }

    /// <summary>
    /// Every migration of <paramref name="plan"/> in order, stopping at the first that fails with a
    /// <see cref="BundleFailure"/>: the result says what ran and what failed, for the caller to report (or undo).
    /// </summary>
    public async Task<PlanRun> RunAsync(IReadOnlyList<RenderedMigration> plan, MigrationDirection direction, Func<RenderedMigration, bool>? resumesEarlierAttempt = null)
    {
        var done = new List<(RenderedMigration Migration, TimeSpan Elapsed)>();
        foreach (var migration in plan)
        {
            try
            {
                done.Add((migration, await ApplyAsync(migration, direction, resumesEarlierAttempt?.Invoke(migration) ?? false)));
            }
            catch (BundleFailure failure)
            {
                return new PlanRun(done, migration, failure);
            }
        }

        return new PlanRun(done, null, null);
    }

    /// <summary>Up() of every migration, in order; the first failure propagates.</summary>
    public async Task ApplyAllAsync(IEnumerable<MigrationDescriptor> migrations)
    {
        foreach (var migration in migrations)
        {
            await ApplyAsync(Render(migration), MigrationDirection.Up);
        }
    }

    public ValueTask DisposeAsync() => _monitor.DisposeAsync();
}
