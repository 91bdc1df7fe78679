using Migrations.Runtime.Outcomes;
using Npgsql;

namespace Migrations.Runtime.Backfill;

/// <summary>
/// The table and key a backfill walks, as the live database has them: the key column and its type, the key the walk ends
/// at (the largest when it first started: rows inserted later are the application's to write), and a row estimate.
/// </summary>
internal sealed record BackfillTarget(uint Oid, string Table, string KeyColumn, string KeyType, string? EndKey, long? EstimatedRows)
{
    public string QuotedKey => BackfillDefinition.Quote(KeyColumn);

    public static async Task<BackfillTarget> ResolveAsync(NpgsqlConnection connection, BackfillDefinition definition, CancellationToken cancellationToken)
    {
        var oid = await ScalarAsync<uint?>(connection, "SELECT to_regclass(@table)::oid", cancellationToken, ("table", definition.QualifiedTable))
            ?? throw new BundleFailure(Outcome.MigrationFailed, $"The backfill's table {definition.DisplayTable} does not exist.");
        var key = definition.KeyColumn ?? await PrimaryKeyAsync(connection, oid, definition, cancellationToken);

        const string columnSql = """
            SELECT format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indkey[0] = a.attnum AND i.indisvalid AND i.indpred IS NULL)
            FROM pg_attribute a WHERE a.attrelid = @oid AND a.attname = @key AND a.attnum > 0 AND NOT a.attisdropped
            """;
        await using var command = new NpgsqlCommand(columnSql, connection);
        command.Parameters.Add(new NpgsqlParameter("oid", NpgsqlTypes.NpgsqlDbType.Oid) { Value = oid });
        command.Parameters.AddWithValue("key", key);
        string type;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new BundleFailure(Outcome.MigrationFailed, $"The backfill of {definition.DisplayTable} is keyed by \"{key}\", which the table does not have.");
            }

            type = reader.GetString(0);
            if (!reader.GetBoolean(1))
            {
                throw new BundleFailure(Outcome.MigrationFailed, $"The backfill of {definition.DisplayTable} is keyed by \"{key}\", which allows NULL: rows with a NULL key would be skipped. Key it by a NOT NULL column.");
            }

            if (!reader.GetBoolean(2))
            {
                throw new BundleFailure(Outcome.MigrationFailed, $"The backfill of {definition.DisplayTable} is keyed by \"{key}\", which no valid index leads: every batch would scan the table. Create an index on it (concurrently) in an earlier migration, or key it by an indexed column.");
            }
        }

        var quoted = BackfillDefinition.Quote(key);
        var end = await ScalarAsync<string?>(connection, $"SELECT max({quoted})::text FROM {definition.QualifiedTable}", cancellationToken);
        return new BackfillTarget(oid, definition.DisplayTable, key, type, end, await EstimateAsync(connection, oid, definition, cancellationToken));
    }

    /// <summary>The planner's estimate; an exact count only for a table never analysed (it has none).</summary>
    private static async Task<long?> EstimateAsync(NpgsqlConnection connection, uint oid, BackfillDefinition definition, CancellationToken cancellationToken)
    {
        var estimate = await ScalarAsync<long>(connection, "SELECT reltuples::bigint FROM pg_class WHERE oid = @oid", cancellationToken, ("oid", oid));
        return estimate >= 0 ? estimate : await ScalarAsync<long>(connection, $"SELECT count(*) FROM {definition.QualifiedTable}", cancellationToken);
    }

    private static async Task<string> PrimaryKeyAsync(NpgsqlConnection connection, uint oid, BackfillDefinition definition, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = @oid AND i.indisprimary
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter("oid", NpgsqlTypes.NpgsqlDbType.Oid) { Value = oid });
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        return columns switch
        {
            [var single] => single,
            [] => throw new BundleFailure(Outcome.MigrationFailed, $"The backfill of {definition.DisplayTable} has no key to walk: the table has no primary key. Name a NOT NULL, indexed column with .KeyedBy(\"…\")."),
            _ => throw new BundleFailure(Outcome.MigrationFailed, $"The backfill of {definition.DisplayTable} cannot walk its composite primary key ({string.Join(", ", columns)}). Name one NOT NULL, indexed column with .KeyedBy(\"…\")."),
        };
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value is uint oid ? new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Oid) { Value = oid } : new NpgsqlParameter(name, value));
        }

        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is null or DBNull ? default! : (T)result;
    }
}
