using Migrations.Runtime.Connection;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Npgsql;

namespace Migrations.Runtime.Postgres;

/// <summary>
/// Where test and drift build their throwaway databases: the server of --connection (or DATABASE_URL), or, when none
/// is given and the verb allows it, a private cluster started for this run. Everything created is removed on dispose.
/// </summary>
internal sealed class ScratchServer : IAsyncDisposable
{
    private readonly PrivateCluster? _cluster;
    private readonly IProgressReporter _progress;

    private ScratchServer(ConnectionSettings server, PrivateCluster? cluster, IProgressReporter progress)
    {
        Server = server;
        _cluster = cluster;
        _progress = progress;
    }

    /// <summary>A database on the server that already exists: used to create and drop the scratch databases.</summary>
    public ConnectionSettings Server { get; }

    public bool IsPrivateCluster => _cluster is not null;

    /// <summary>"a private PostgreSQL cluster" or the server's user@host:port — never a password.</summary>
    public string Description => _cluster is null ? $"{Server.Username}@{Server.Host}:{Server.Port}" : $"a private PostgreSQL {_cluster.MajorVersion} cluster (127.0.0.1:{_cluster.Port})";

    public static ScratchServer OnServer(ConnectionSettings server, IProgressReporter progress) => new(server, null, progress);

    /// <summary>The server of --connection (or DATABASE_URL) when one is given, otherwise a private cluster started now.</summary>
    public static ScratchServer OnConnectionOrPrivateCluster(string? connection, IProgressReporter progress, CancellationToken cancellationToken)
    {
        var given = string.IsNullOrWhiteSpace(connection) ? Environment.GetEnvironmentVariable("DATABASE_URL") : connection;
        return string.IsNullOrWhiteSpace(given) ? OnPrivateCluster(progress, cancellationToken) : OnServer(ConnectionStringParser.FromOptionOrDatabaseUrl(given), progress);
    }

    public static ScratchServer OnPrivateCluster(IProgressReporter progress, CancellationToken cancellationToken)
    {
        var cluster = PrivateCluster.Start(progress, cancellationToken);
        return new ScratchServer(cluster.Connection, cluster, progress);
    }

    public async Task<TemporaryDatabase> CreateDatabaseAsync(string purpose, CancellationToken cancellationToken)
    {
        var name = LeftoverDatabases.NewName(purpose);
        await using var connection = await ConnectionFailure.OpenAsync(Server, cancellationToken);

        if (_cluster is null)
        {
            await LeftoverDatabases.WarnAsync(connection, Server, _progress, cancellationToken);
        }

        try
        {
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new BundleFailure(Outcome.Refused, $"User '{Server.Username}' may not create databases on {Server.Host}:{Server.Port}, and {purpose} needs a temporary one. Connect as a user with CREATEDB ('test' also runs without --connection, on a private cluster).", exception);
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
