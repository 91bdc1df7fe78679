using Migrations.Runtime.Engine;
using Migrations.Runtime.History;
using Npgsql;

namespace Migrations.Runtime.Backfill;

/// <summary>
/// The backfill progress table in the history schema. Each batch's data change and its progress row commit in the
/// same transaction, so the row always tells exactly which keys are done: a resumed run never redoes or skips one.
/// Only migrations with backfills touch it: the first backfill creates it, under the deploy lock.
/// </summary>
public sealed class BackfillProgressStore(NpgsqlConnection connection, string table)
{
    public string Table => table;

    public static string DirectionName(MigrationDirection direction) => direction == MigrationDirection.Up ? "up" : "down";

    private static string CreateTableSql(string table) => $"""
        CREATE TABLE IF NOT EXISTS {table} (
            version bigint NOT NULL,
            direction text NOT NULL CHECK (direction IN ('up', 'down')),
            ordinal integer NOT NULL,
            table_name text NOT NULL,
            key_column text NOT NULL,
            definition text NOT NULL,
            last_key text,
            end_key text,
            rows_scanned bigint NOT NULL DEFAULT 0,
            rows_changed bigint NOT NULL DEFAULT 0,
            batches bigint NOT NULL DEFAULT 0,
            estimated_rows bigint,
            started_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            finished_at timestamptz,
            PRIMARY KEY (version, direction, ordinal)
        );
        """;

    private const string Columns = "version, direction, ordinal, table_name, key_column, definition, last_key, end_key, rows_scanned, rows_changed, batches, estimated_rows, started_at, updated_at, finished_at";

    public async Task<BackfillProgress?> FindAsync(long version, string direction, int ordinal, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null, bool forUpdate = false)
    {
        var sql = $"SELECT {Columns} FROM {table} WHERE version = @version AND direction = @direction AND ordinal = @ordinal" + (forUpdate ? " FOR UPDATE" : string.Empty);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("version", version);
        command.Parameters.AddWithValue("direction", direction);
        command.Parameters.AddWithValue("ordinal", ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Every backfill of the given versions that has not finished, for status. Empty when the table does not exist yet.</summary>
    public async Task<IReadOnlyList<BackfillProgress>> UnfinishedAsync(IReadOnlyCollection<long> versions, CancellationToken cancellationToken)
    {
        if (versions.Count == 0 || !await ExistsAsync(cancellationToken))
        {
            return [];
        }

        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM {table} WHERE finished_at IS NULL AND version = ANY(@versions) ORDER BY version, direction, ordinal", connection);
        command.Parameters.AddWithValue("versions", versions.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<BackfillProgress>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(cancellationToken))
        {
            await using var command = new NpgsqlCommand(CreateTableSql(table), connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Records a migration with backfills as applied or rolled back and, in the same transaction, forgets the progress its
    /// backfills kept in the other direction: that belongs to a finished run, and the next run that way must start from
    /// the beginning instead of skipping what it did. Other migrations never touch this table.
    /// </summary>
    public async Task RecordAsync(HistoryStore history, HistoryRecord record, CancellationToken cancellationToken)
    {
        var finished = record.State switch
        {
            MigrationState.Applied or MigrationState.ResolvedApplied => "down",
            MigrationState.RolledBack or MigrationState.ResolvedRolledBack => "up",
            _ => throw new ArgumentOutOfRangeException(nameof(record), record.State, "Only an applied or rolled-back migration ends a run of its backfills."),
        };
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await history.RecordAsync(record, cancellationToken, transaction);
        if (await ExistsAsync(cancellationToken, transaction))
        {
            await using var forget = new NpgsqlCommand($"DELETE FROM {table} WHERE version = @version AND direction = @direction", connection, transaction);
            forget.Parameters.AddWithValue("version", record.Version);
            forget.Parameters.AddWithValue("direction", finished);
            await forget.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<bool> ExistsAsync(CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection, transaction);
        exists.Parameters.AddWithValue("table", table);
        return (bool)(await exists.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A backfill starting from the beginning (or again, with a changed definition): its key range and estimate.</summary>
    public async Task StartAsync(BackfillProgress progress, CancellationToken cancellationToken)
    {
        var sql = $"""
            INSERT INTO {table} (version, direction, ordinal, table_name, key_column, definition, end_key, estimated_rows)
            VALUES (@version, @direction, @ordinal, @table_name, @key_column, @definition, @end_key, @estimated_rows)
            ON CONFLICT (version, direction, ordinal) DO UPDATE SET
                table_name = excluded.table_name, key_column = excluded.key_column, definition = excluded.definition, last_key = NULL,
                end_key = excluded.end_key, rows_scanned = 0, rows_changed = 0, batches = 0, estimated_rows = excluded.estimated_rows,
                started_at = now(), updated_at = now(), finished_at = NULL
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("version", progress.Version);
        command.Parameters.AddWithValue("direction", progress.Direction);
        command.Parameters.AddWithValue("ordinal", progress.Ordinal);
        command.Parameters.AddWithValue("table_name", progress.Table);
        command.Parameters.AddWithValue("key_column", progress.KeyColumn);
        command.Parameters.AddWithValue("definition", progress.Definition);
        command.Parameters.Add(new NpgsqlParameter("end_key", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)progress.EndKey ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("estimated_rows", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)progress.EstimatedRows ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FinishAsync(BackfillProgress progress, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"UPDATE {table} SET finished_at = now(), updated_at = now() WHERE version = @version AND direction = @direction AND ordinal = @ordinal", connection);
        command.Parameters.AddWithValue("version", progress.Version);
        command.Parameters.AddWithValue("direction", progress.Direction);
        command.Parameters.AddWithValue("ordinal", progress.Ordinal);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The SQL that records a batch inside the batch's own statement (a CTE), so both commit or neither does.</summary>
    public string RecordBatchSql(string upper, string scanned, string changed) => $"""
        UPDATE {table} SET last_key = {upper}, rows_scanned = rows_scanned + {scanned}, rows_changed = rows_changed + {changed},
            batches = batches + 1, updated_at = clock_timestamp()
        WHERE version = @version AND direction = @direction AND ordinal = @ordinal AND {upper} IS NOT NULL
        """;

    private static BackfillProgress Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetInt32(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.GetInt64(8),
        reader.GetInt64(9),
        reader.GetInt64(10),
        reader.IsDBNull(11) ? null : reader.GetInt64(11),
        reader.GetFieldValue<DateTimeOffset>(12),
        reader.GetFieldValue<DateTimeOffset>(13),
        reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14));
}
