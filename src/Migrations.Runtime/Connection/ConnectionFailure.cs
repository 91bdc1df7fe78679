using System.Net.Sockets;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Npgsql;

namespace Migrations.Runtime.Connection;

/// <summary>Translates what Npgsql throws while connecting into one line that says what to do.</summary>
public static class ConnectionFailure
{
    public static BundleFailure Describe(Exception exception, ConnectionSettings settings)
    {
        var target = $"{settings.Host}:{settings.Port}";
        var message = exception switch
        {
            PostgresException { SqlState: "28P01" } =>
                $"Authentication failed for user '{settings.Username}' on {target}. Check the password in --connection or DATABASE_URL.",
            PostgresException { SqlState: "28000" } postgres =>
                $"The server at {target} refused user '{settings.Username}' ({MessageText.FirstLine(postgres.MessageText)}). Check pg_hba.conf or the user name.",
            PostgresException { SqlState: "3D000" } =>
                $"Database '{settings.Database}' does not exist on {target}. Create it (createdb {settings.Database}) or fix the database name.",
            PostgresException { SqlState: "57P03" } =>
                $"The server at {target} is starting up or shutting down. Retry in a moment.",
            PostgresException { SqlState: "53300" } =>
                $"The server at {target} has no free connection slots. Retry later or raise max_connections.",
            PostgresException postgres =>
                $"The server at {target} refused the connection: {postgres.SqlState} {MessageText.FirstLine(postgres.MessageText)}.",
            NpgsqlException { InnerException: TimeoutException } or TimeoutException =>
                $"Timed out connecting to {target}. Check the host and port, the firewall, or raise connect_timeout.",
            NpgsqlException { InnerException: SocketException socket } =>
                DescribeSocket(socket, target),
            SocketException socket =>
                DescribeSocket(socket, target),
            NpgsqlException npgsql when npgsql.Message.Contains("SSL", StringComparison.OrdinalIgnoreCase) =>
                $"Could not negotiate SSL with {target}. Check sslmode in the connection string.",
            NpgsqlException npgsql when npgsql.Message.Contains("No password has been provided", StringComparison.Ordinal) =>
                $"The server at {target} wants a password for user '{settings.Username}' and none was given. Put it in the connection string (postgresql://user:password@host/db, or Password=…), or in DATABASE_URL.",
            NpgsqlException { InnerException: IOException or EndOfStreamException } =>
                $"Cannot connect to {target}: the server closed or stopped answering the connection before it was set up. Check that the port is PostgreSQL's (not a proxy or another service), and the sslmode the server expects.",
            _ =>
                $"Cannot connect to {target}: {MessageText.FirstLine(exception.Message).TrimEnd('.')}. Check the host, the port and the connection string.",
        };
        return new BundleFailure(Outcome.CannotConnect, message, exception);
    }

    /// <summary>An open connection, or the one-line reason there is none.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(ConnectionSettings settings, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception exception) when (IsConnectionFailure(exception))
        {
            await connection.DisposeAsync();
            throw Describe(exception, settings);
        }
    }

    public static bool IsConnectionFailure(Exception exception) =>
        exception is NpgsqlException or SocketException or TimeoutException;

    private static string DescribeSocket(SocketException socket, string target) => socket.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => $"Nothing is listening on {target}. Check that PostgreSQL is running and the host and port are right.",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"Host '{target}' could not be resolved. Check the host name in the connection string.",
        SocketError.TimedOut => $"Timed out connecting to {target}. Check the host, the port and the firewall.",
        _ => $"Cannot reach {target} ({socket.SocketErrorCode}). Check the host, the port and the network.",
    };
}
