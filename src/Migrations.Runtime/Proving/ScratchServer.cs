using Migrations.Runtime.Cli;
using Migrations.Runtime.Connection;
using Migrations.Runtime.Output;
using Npgsql;

namespace Migrations.Runtime.Proving;

/// <summary>
/// Where test and drift build their throwaway databases: the server of --connection (or DATABASE_URL), or, when none
/// is given and the verb allows it, a private cluster started for this run. Everything created is removed on dispose.
/// </summary>
internal sealed class ScratchServer : IAsyncDisposable
{
    private readonly PrivateCluster? _cluster;

    private ScratchServer(ConnectionSettings server, PrivateCluster? cluster)
    {
        Server = server;
        _cluster = cluster;
    }

    /// <summary>A database on the server that already exists: used to create and drop the scratch databases.</summary>
    public ConnectionSettings Server { get; }

    public bool IsPrivateCluster => _cluster is not null;

    /// <summary>"a private PostgreSQL cluster" or the server's user@host:port — never a password.</summary>
    public string Description => _cluster is null ? $"{Server.Username}@{Server.Host}:{Server.Port}" : $"a private PostgreSQL {_cluster.MajorVersion} cluster (127.0.0.1:{_cluster.Port})";

    public static ScratchServer OnServer(ConnectionSettings server) => new(server, null);

    public static ScratchServer OnPrivateCluster(IProgressReporter progress, CancellationToken cancellationToken)
    {
        var cluster = PrivateCluster.Start(progress, cancellationToken);
        return new ScratchServer(cluster.Connection, cluster);
    }

    public async Task<TemporaryDatabase> CreateDatabaseAsync(string purpose, CancellationToken cancellationToken)
    {
        var name = $"migrations_{purpose}_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..8]}";
        await using var connection = new NpgsqlConnection(Server.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception exception) when (ConnectionFailure.IsConnectionFailure(exception))
        {
            throw ConnectionFailure.Describe(exception, Server);
        }

        try
        {
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new BundleException(ExitCodes.Refused, $"User '{Server.Username}' may not create databases on {Server.Host}:{Server.Port}, and {purpose} needs a temporary one. Connect as a user with CREATEDB ('test' also runs without --connection, on a private cluster).", exception);
        }

        return new TemporaryDatabase(Server, Server.ForDatabase(name));
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
