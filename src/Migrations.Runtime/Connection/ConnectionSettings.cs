using Npgsql;

namespace Migrations.Runtime.Connection;

/// <summary>A parsed connection: the Npgsql connection string plus what we print instead of it.</summary>
public sealed class ConnectionSettings
{
    private ConnectionSettings(string connectionString, string host, int port, string database, string username, string? explicitSchema, bool pgBouncer)
    {
        ConnectionString = connectionString;
        Host = host;
        Port = port;
        Database = database;
        Username = username;
        ExplicitSchema = explicitSchema;
        DeclaresPgBouncer = pgBouncer;
    }

    /// <summary>Holds the password: never print it, log it or put it in an exception message.</summary>
    public string ConnectionString { get; }

    public string Host { get; }

    public int Port { get; }

    public string Database { get; }

    public string Username { get; }

    /// <summary>Schema for unqualified FluentMigrator objects and for the history tables.</summary>
    public string Schema => ExplicitSchema ?? "public";

    /// <summary>
    /// The schema the connection names (<c>?schema=</c>, or the first entry of <c>Search Path=</c>), other than the default
    /// "public": every object of a deploy then goes there — fluent expressions, raw SQL (search_path) and the history —
    /// which is what a schema per tenant needs. Null when the connection names none, or names "public".
    /// </summary>
    public string? TenantSchema => ExplicitSchema is { } schema && schema != "public" ? schema : null;

    private string? ExplicitSchema { get; }

    /// <summary>The URL said pgbouncer=true: a transaction-pooling proxy, which breaks session locks and settings.</summary>
    public bool DeclaresPgBouncer { get; }

    /// <summary>user@host:port/database — what the bundle prints instead of the connection string.</summary>
    public string Description => $"{Username}@{Host}:{Port}/{Database}";

    internal static ConnectionSettings From(NpgsqlConnectionStringBuilder builder, string? schema, bool pgBouncer)
    {
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            // Shows up in pg_stat_activity, so a blocked deployer can name who holds the deploy lock.
            builder.ApplicationName = "migrations-bundle";
        }

        var username = builder.Username ?? Environment.UserName;
        var database = builder.Database ?? username;
        return new ConnectionSettings(builder.ConnectionString, builder.Host ?? "localhost", builder.Port, database, username, string.IsNullOrEmpty(schema) ? null : schema, pgBouncer);
    }

    public NpgsqlConnectionStringBuilder CreateBuilder() => new(ConnectionString);

    /// <summary>The same server and credentials, another database (test databases, restore targets).</summary>
    public ConnectionSettings ForDatabase(string database)
    {
        var builder = CreateBuilder();
        builder.Database = database;
        return new ConnectionSettings(builder.ConnectionString, Host, Port, database, Username, ExplicitSchema, DeclaresPgBouncer);
    }

    public override string ToString() => Description;
}
