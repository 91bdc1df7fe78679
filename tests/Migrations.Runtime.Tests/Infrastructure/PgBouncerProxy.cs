using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Migrations.Runtime.Postgres;
using Npgsql;

namespace Migrations.Runtime.Tests.Infrastructure;

/// <summary>
/// A real PgBouncer (installed by build/postgres.sh) in front of the test server, in the pool mode a test asks for, on a
/// free port. Runs in the foreground as a child process (as the postgres user when the tests run as root: PgBouncer
/// refuses root) and is killed with its directory on dispose.
/// </summary>
public sealed class PgBouncerProxy : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private PgBouncerProxy(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A URL to <paramref name="database"/> through the proxy, with the server's real password.</summary>
    public string UrlTo(string database)
    {
        var server = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString);
        return $"postgresql://{server.Username}:{server.Password}@127.0.0.1:{Port}/{database}";
    }

    public static async Task<PgBouncerProxy> StartAsync(string poolMode)
    {
        var server = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString);
        var directory = Directory.CreateTempSubdirectory("pgbouncer-").FullName;
        var port = PrivateCluster.FreePort();
        await File.WriteAllTextAsync(Path.Combine(directory, "userlist.txt"), $"\"{server.Username}\" \"{server.Password}\"\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "pgbouncer.ini"), $"""
            [databases]
            * = host={server.Host} port={server.Port}
            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = trust
            auth_file = {directory}/userlist.txt
            pool_mode = {poolMode}
            ignore_startup_parameters = extra_float_digits,options,search_path
            """);
        var runAsPostgres = Environment.UserName == "root";
        if (runAsPostgres)
        {
            Process.Start("chown", ["-R", "postgres", directory])!.WaitForExit();
        }

        var program = File.Exists("/usr/sbin/pgbouncer") ? "/usr/sbin/pgbouncer" : "pgbouncer";
        var start = runAsPostgres
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, Path.Combine(directory, "pgbouncer.ini")])
            : new ProcessStartInfo(program, [Path.Combine(directory, "pgbouncer.ini")]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start pgbouncer (build/postgres.sh installs it).");
        var proxy = new PgBouncerProxy(process, directory, port);
        await proxy.WaitUntilListeningAsync();
        return proxy;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException exception)
            {
                var error = _process.HasExited ? await _process.StandardError.ReadToEndAsync() : "still not listening after 20 s";
                Dispose();
                throw new InvalidOperationException($"PgBouncer did not start: {error}", exception);
            }
        }
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (!_process.HasExited)
        {
            // runuser forwards the signal to PgBouncer; kill the whole tree to be sure nothing keeps the port.
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
