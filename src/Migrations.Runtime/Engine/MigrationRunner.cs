using Migrations.Runtime.Discovery;
using Migrations.Runtime.Engine;
using Migrations.Runtime.Output;
using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.Postgres;

/// <summary>
/// Applies migrations to a database the bundle owns for the moment (a scratch database, a database being reset),
/// through the same <see cref="MigrationApplier"/> deploy uses, so they run exactly as they would in production.
/// </summary>
internal sealed class MigrationSequence : IAsyncDisposable
{
    private readonly MigrationRenderer _renderer;
    private readonly BlockerMonitor _monitor;

    public MigrationSequence(LiveSession session, IProgressReporter progress, CancellationToken cancellationToken)
    {
        _renderer = session.Renderer;
        _monitor = new BlockerMonitor(session.Settings.ConnectionString);
        Applier = new MigrationApplier(session, DeployTimeouts.Default, RetryPolicy.Default, progress, cancellationToken);
    }

    public MigrationApplier Applier { get; }

    public RenderedMigration Render(MigrationDescriptor migration) => _renderer.Render(migration);

    public Task<TimeSpan> ApplyAsync(RenderedMigration migration, MigrationDirection direction) => Applier.ApplyAsync(migration, direction, _monitor);

    public async Task ApplyAllAsync(IEnumerable<MigrationDescriptor> migrations)
    {
        foreach (var migration in migrations)
        {
            await ApplyAsync(Render(migration), MigrationDirection.Up);
        }
    }

    public ValueTask DisposeAsync() => _monitor.DisposeAsync();
}
