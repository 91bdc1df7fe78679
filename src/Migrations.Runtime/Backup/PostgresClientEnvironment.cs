using Migrations.Runtime.Connection;
using Npgsql;

namespace Migrations.Runtime.Backup;

/// <summary>
/// How pg_dump and pg_restore reach the database: host, port, user and database as arguments, the password and
/// SSL mode through libpq's environment variables — a command line is visible to every user of the machine.
/// </summary>
internal static class PostgresClientEnvironment
{
    public static IReadOnlyList<string> Arguments(ConnectionSettings settings) =>
        ["--host", settings.Host, "--port", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", settings.Username, "--no-password"];

    /// <summary>
    /// The value of --dbname. pg_dump and pg_restore read a --dbname containing '=' as a connection string, so a
    /// database named "dbname=prod" would be another database; a quoted conninfo names exactly one.
    /// </summary>
    public static string DatabaseArgument(string database) =>
        "dbname='" + database.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    public static IReadOnlyDictionary<string, string> Variables(ConnectionSettings settings)
    {
        var builder = settings.CreateBuilder();
        // The connection's application_name (default migrations-bundle), so pg_stat_activity shows who is restoring.
        var variables = new Dictionary<string, string> { ["PGAPPNAME"] = builder.ApplicationName ?? "migrations-bundle" };
        if (!string.IsNullOrEmpty(builder.Password))
        {
            variables["PGPASSWORD"] = builder.Password;
        }

        variables["PGSSLMODE"] = builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        return variables;
    }

    /// <summary>The server's major version (150008 → 15): the client programs must be at least as new.</summary>
    public static async Task<int> ServerMajorVersionAsync(ConnectionSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT current_setting('server_version_num')::int / 10000", connection);
            return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception exception) when (ConnectionFailure.IsConnectionFailure(exception))
        {
            throw ConnectionFailure.Describe(exception, settings);
        }
    }
}
