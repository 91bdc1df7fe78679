using Migrations.Runtime.Connection;
using Migrations.Runtime.History;
using Migrations.Runtime.Locking;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Npgsql;

namespace Migrations.Runtime.Engine;

/// <summary>
/// A bundle run against a live database: FluentMigrator's host on one connection, the history, and — for verbs
/// that change anything — the deploy lock, taken before the history is first read.
/// </summary>
internal sealed class LiveSession : IAsyncDisposable
{
    private readonly MigrationHost? _checksumHost;
    private SideConnection? _watcher;

    private LiveSession(MigrationHost host, MigrationHost? checksumHost, NpgsqlConnection connection, HistoryStore history, ConnectionSettings settings)
    {
        Host = host;
        _checksumHost = checksumHost;
        Connection = connection;
        History = history;
        Settings = settings;
        Renderer = new Rendering.MigrationRenderer(host, checksumHost);
    }

    public MigrationHost Host { get; }

    /// <summary>Renders what this session runs (in the tenant's schema, if the connection names one) and the checksums history compares.</summary>
    public Rendering.MigrationRenderer Renderer { get; }

    public NpgsqlConnection Connection { get; }

    public HistoryStore History { get; }

    public ConnectionSettings Settings { get; }

    public DeployLock? Lock { get; private set; }

    /// <param name="migrations">The bundle's migrations assembly.</param>
    /// <param name="actor">Who this run records in the history.</param>
    public static async Task<LiveSession> OpenAsync(System.Reflection.Assembly migrations, DeployActor actor, ConnectionSettings settings, CancellationToken cancellationToken)
    {
        var host = MigrationHost.Create(migrations, settings.ConnectionString, settings.TenantSchema);
        NpgsqlConnection connection;
        try
        {
            connection = host.Processor.OpenConnection();
        }
        catch (Exception exception) when (ConnectionFailure.IsConnectionFailure(exception) || exception.InnerException is NpgsqlException)
        {
            host.Dispose();
            throw ConnectionFailure.Describe(exception is NpgsqlException ? exception : exception.InnerException ?? exception, settings);
        }

        // Checksums are the same for every tenant: rendered offline with FluentMigrator's default schema.
        var checksumHost = settings.TenantSchema is null ? null : MigrationHost.Create(migrations);
        return new LiveSession(host, checksumHost, connection, new HistoryStore(connection, settings.Schema, actor), settings);
    }

    /// <summary>Takes the deploy lock, creates the history tables under it, and only then lets the caller read history.</summary>
    public async Task LockAsync(IProgressReporter progress, TimeSpan wait, CancellationToken cancellationToken)
    {
        await RefuseTransactionPoolingAsync(cancellationToken);
        Lock = await DeployLock.AcquireAsync(Connection, DeployLock.KeyFor(Settings.Schema, HistoryStore.TableName), wait, progress, cancellationToken);
        await History.EnsureCreatedAsync(cancellationToken);
    }

    /// <summary>
    /// Advisory locks and SET live in a server session; a transaction-pooling proxy (PgBouncer pool_mode=transaction)
    /// lends a server session per transaction. One client alone usually gets the same session back every time (PgBouncer
    /// reuses the most recently released one), so asking twice on this connection proves nothing. Two client connections
    /// open at once always have two server sessions when nothing pools transactions: a second connection that answers
    /// with this one's backend pid, or a pid that changes between statements, is the proxy showing through.
    /// </summary>
    private async Task RefuseTransactionPoolingAsync(CancellationToken cancellationToken)
    {
        const string advice = "Advisory locks and session settings do not survive it: connect to PostgreSQL directly or through a session-pooling port.";
        if (Settings.DeclaresPgBouncer)
        {
            throw new BundleFailure(Outcome.Refused, "The connection URL says pgbouncer=true (a transaction-pooling proxy). " + advice);
        }

        var mine = await BackendPidAsync(Connection, cancellationToken);
        SideConnection? other = null;
        int? theirs;
        try
        {
            other = await SideConnection.OpenAsync(Settings.ConnectionString, cancellationToken);
            theirs = await BackendPidAsync(other.Connection, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.TooManyConnections)
        {
            // A role or database limited to one connection: the pid check on this connection is all there is.
            theirs = null;
        }
        catch when (other is not null)
        {
            // In a fleet the process goes on with other targets: a connection left open would stay open until it ends.
            await other.DisposeAsync();
            throw;
        }

        var mineAgain = await BackendPidAsync(Connection, cancellationToken);
        var pooled = mine != mineAgain || theirs == mine || theirs == mineAgain;
        if (pooled || theirs is null)
        {
            if (other is not null)
            {
                await other.DisposeAsync();
            }
        }
        else
        {
            // Kept for the blocker monitor: opening a connection (authentication) is much of what a small deploy costs,
            // and a fleet pays it per target.
            _watcher = other;
        }

        if (pooled)
        {
            throw new BundleFailure(Outcome.Refused, "The connection goes through a transaction-pooling proxy (two connections shared one server session). " + advice);
        }
    }

    /// <summary>The second connection the pooling check opened, for <see cref="BlockerMonitor"/>; null when there is none.</summary>
    public SideConnection? TakeWatcher()
    {
        var watcher = _watcher;
        _watcher = null;
        return watcher;
    }

    private static async Task<int> BackendPidAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_watcher is not null)
        {
            await _watcher.DisposeAsync();
        }

        if (Lock is not null)
        {
            await Lock.DisposeAsync();
        }

        Host.Dispose();
        _checksumHost?.Dispose();
    }
}
