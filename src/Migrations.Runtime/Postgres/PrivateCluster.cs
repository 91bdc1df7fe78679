using System.Net;
using System.Net.Sockets;
using Migrations.Runtime.Connection;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;

namespace Migrations.Runtime.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster: initdb in a temp directory, started on a free port on 127.0.0.1 with trust
/// authentication, stopped and deleted on dispose — also after a failure, on Ctrl-C and on SIGTERM (process exit);
/// after a SIGKILL, by the next run (see <see cref="StaleClusters"/>).
/// PostgreSQL refuses to run as root, so as root the server runs as the 'postgres' user.
/// </summary>
internal sealed class PrivateCluster : IAsyncDisposable
{
    private const string Owner = "postgres";

    private readonly string _binDirectory;
    private readonly string? _runAs;
    private readonly IProgressReporter _progress;
    private int _removed;

    private PrivateCluster(string directory, string binDirectory, int port, string? runAs, IProgressReporter progress)
    {
        Directory = directory;
        _binDirectory = binDirectory;
        Port = port;
        _runAs = runAs;
        _progress = progress;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public string Directory { get; }

    public int Port { get; }

    public int MajorVersion { get; private set; }

    public ConnectionSettings Connection => ConnectionStringParser.Parse($"Host=127.0.0.1;Port={Port};Username={Owner};Database=postgres;Pooling=false");

    public static PrivateCluster Start(IProgressReporter progress, CancellationToken cancellationToken)
    {
        var initdb = PostgresTools.Find("initdb");
        var binDirectory = Path.GetDirectoryName(initdb)!;
        if (!File.Exists(Path.Combine(binDirectory, "pg_ctl")))
        {
            throw new BundleFailure(Outcome.ToolFailed, $"pg_ctl was not found beside {initdb}. Install the PostgreSQL server package, or pass --connection to test on an existing server.");
        }

        var runAs = PostgresTools.RunningAsRoot ? Owner : null;
        StaleClusters.Sweep(binDirectory, runAs, progress);
        var directory = Path.Combine(Path.GetTempPath(), StaleClusters.DirectoryPrefix + Guid.NewGuid().ToString("N")[..12]);
        var cluster = new PrivateCluster(directory, binDirectory, FreePort(), runAs, progress);
        try
        {
            cluster.Initialize(initdb, cancellationToken);
            return cluster;
        }
        catch
        {
            cluster.Remove();
            throw;
        }
    }

    private void Initialize(string initdb, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        StaleClusters.ClaimOwnership(Directory);
        if (_runAs is not null)
        {
            Require(ExternalProcess.Run("chown", [_runAs, Directory], null), "chown of the cluster directory to the postgres user");
        }

        var data = Path.Combine(Directory, "data");
        Require(ExternalProcess.Run(initdb, ["-D", data, "-U", Owner, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], null, _runAs), "initdb");
        cancellationToken.ThrowIfCancellationRequested();
        MajorVersion = PostgresTools.MajorVersion(initdb);
        // Durability is pointless for a database that lives for one run; the socket stays inside the cluster directory.
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k {Directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        Require(ExternalProcess.Run(Path.Combine(_binDirectory, "pg_ctl"), ["-D", data, "-l", Path.Combine(Directory, "server.log"), "-o", options, "-w", "-t", "60", "start"], null, _runAs), "pg_ctl start");
        _progress.Info($"Started a private PostgreSQL {MajorVersion} cluster on 127.0.0.1:{Port} in {Directory}.");
    }

    private static void Require(ExternalProcess.Result result, string step)
    {
        if (result.ExitCode != 0)
        {
            throw new BundleFailure(Outcome.ToolFailed, $"Could not start a private PostgreSQL cluster: {step} failed ({result.FirstErrorLine}). Pass --connection to test on an existing server instead.");
        }
    }

    /// <summary>Restarts the server the way an operator or a failover does: sessions are terminated, the data stays.</summary>
    public void Restart()
    {
        var data = Path.Combine(Directory, "data");
        // -l as at start: without it the new postmaster keeps pg_ctl's output pipe open and the caller never sees EOF.
        Require(ExternalProcess.Run(Path.Combine(_binDirectory, "pg_ctl"), ["-D", data, "-l", Path.Combine(Directory, "server.log"), "-m", "fast", "-w", "-t", "60", "restart"], null, _runAs), "pg_ctl restart");
    }

    /// <summary>Stops the server at once (nothing in it is worth a clean shutdown) and deletes the directory. Idempotent.</summary>
    private void Remove()
    {
        if (Interlocked.Exchange(ref _removed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        var data = Path.Combine(Directory, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            ExternalProcess.Run(Path.Combine(_binDirectory, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], null, _runAs);
        }

        try
        {
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
        catch (IOException exception)
        {
            _progress.Warn($"Could not delete the private cluster directory {Directory} ({exception.Message}); delete it by hand.");
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Remove();

    /// <summary>A loopback port nothing listens on now (the tests' PgBouncer takes one too).</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        Remove();
        return ValueTask.CompletedTask;
    }
}
