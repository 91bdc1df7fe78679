using Migrations.Runtime.Connection;
using Migrations.Runtime.Outcomes;
using Npgsql;

namespace Migrations.Runtime.Reset;

/// <summary>
/// Marks a database as one <c>reset</c> must never touch. Stored in the database itself as a per-database setting
/// (ALTER DATABASE … SET migrations_sdk.protected), so it travels with no file, survives a dropped schema, is not
/// part of any schema comparison, and changes nothing for deploy or the application.
/// </summary>
internal static class ProtectionMark
{
    private const string Setting = "migrations_sdk.protected";

    /// <summary>Who protected the database and when, or null when it is not protected.</summary>
    public static async Task<string?> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT substr(entry, length(@prefix) + 1)
            FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase, unnest(s.setconfig) entry
            WHERE d.datname = current_database() AND s.setrole = 0 AND entry LIKE @prefix || '%'
            """, connection);
        command.Parameters.AddWithValue("prefix", Setting + "=");
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task SetAsync(NpgsqlConnection connection, ConnectionSettings settings, string? mark, CancellationToken cancellationToken)
    {
        var database = History.HistoryStore.Quote(settings.Database);
        var sql = mark is null
            ? $"ALTER DATABASE {database} RESET {Setting}"
            : $"ALTER DATABASE {database} SET {Setting} = '{mark.Replace("'", "''", StringComparison.Ordinal)}'";
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // PostgreSQL 15 and later also require the SET privilege on a custom parameter: owning the database is not enough.
            throw new BundleFailure(Outcome.Refused, $"User '{settings.Username}' may not set {Setting} on database {settings.Database} ({exception.MessageText}). A superuser can protect it; so can the database owner once a superuser has run: GRANT SET ON PARAMETER {Setting} TO {History.HistoryStore.Quote(settings.Username)};", exception);
        }
    }
}
