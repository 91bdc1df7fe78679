using Npgsql;

namespace Migrations.Runtime.History;

/// <summary>
/// Our history table beside FluentMigrator's VersionInfo (which cannot be extended): one row per event, never
/// updated, so the table is also the audit log. VersionInfo is kept in step so FluentMigrator's own tools agree.
/// </summary>
public sealed class HistoryStore(NpgsqlConnection connection, string schema, DeployActor actor)
{
    public const string TableName = "migrations_history";
    public const string VersionInfoTableName = "VersionInfo";
    public const string BackfillTableName = "migrations_backfill";

    private string Table => $"{Quote(schema)}.{Quote(TableName)}";

    private string VersionInfo => $"{Quote(schema)}.{Quote(VersionInfoTableName)}";

    /// <summary>Progress of backfills (one row per backfill of a migration and direction), beside the history it belongs to; created by the first backfill.</summary>
    public string BackfillTable => $"{Quote(schema)}.{Quote(BackfillTableName)}";

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// Creates the schema and tables that are missing, and only those. Call only while holding the deploy lock, so pods
    /// never race on it. Existence is checked first because <c>CREATE … IF NOT EXISTS</c> still demands the privilege to
    /// create (CREATE on the database for a schema, on the schema for a table): a deploy role without it would fail
    /// although there is nothing to create.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        bool schemaExists, historyExists, versionInfoExists;
        await using (var check = new NpgsqlCommand("SELECT to_regnamespace(@schema) IS NOT NULL, to_regclass(@history) IS NOT NULL, to_regclass(@versioninfo) IS NOT NULL", connection))
        {
            check.Parameters.AddWithValue("schema", Quote(schema));
            check.Parameters.AddWithValue("history", Table);
            check.Parameters.AddWithValue("versioninfo", VersionInfo);
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (schemaExists, historyExists, versionInfoExists) = (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2));
        }

        var sql = new System.Text.StringBuilder();
        if (!schemaExists)
        {
            sql.AppendLine($"CREATE SCHEMA IF NOT EXISTS {Quote(schema)};");
        }

        if (!historyExists)
        {
            sql.AppendLine($"""
                CREATE TABLE IF NOT EXISTS {Table} (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    version bigint NOT NULL,
                    name text NOT NULL,
                    checksum text,
                    state text NOT NULL CHECK (state IN ('running', 'applied', 'failed', 'rolled_back', 'resolved_applied', 'resolved_rolled_back', 'baselined')),
                    started_at timestamptz NOT NULL DEFAULT now(),
                    finished_at timestamptz,
                    duration_ms bigint,
                    applied_by text,
                    database_user text NOT NULL DEFAULT current_user,
                    host text,
                    bundle_version text,
                    detail text
                );
                CREATE INDEX IF NOT EXISTS {Quote(TableName + "_version_idx")} ON {Table} (version, id);
                """);
        }

        if (!versionInfoExists)
        {
            sql.AppendLine($"""
                CREATE TABLE IF NOT EXISTS {VersionInfo} (
                    "Version" bigint NOT NULL,
                    "AppliedOn" timestamp,
                    "Description" varchar(1024)
                );
                CREATE UNIQUE INDEX IF NOT EXISTS "UC_Version" ON {VersionInfo} ("Version");
                """);
        }

        if (sql.Length > 0)
        {
            await using var command = new NpgsqlCommand(sql.ToString(), connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The current state of every version the database knows; empty for a database never deployed to.</summary>
    public async Task<IReadOnlyDictionary<long, HistoryEntry>> ReadAsync(CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        var (hasHistory, hasVersionInfo) = await TablesExistAsync(cancellationToken, transaction);
        var entries = new Dictionary<long, HistoryEntry>();
        if (hasHistory)
        {
            var sql = $"""
                SELECT DISTINCT ON (version) version, name, checksum, state, started_at, finished_at, duration_ms, applied_by, host, bundle_version, detail
                FROM {Table} ORDER BY version, id DESC
                """;
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var entry = new HistoryEntry(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    MigrationStateNames.FromDatabase(reader.GetString(3)),
                    reader.GetFieldValue<DateTimeOffset>(4),
                    reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                    reader.IsDBNull(6) ? null : reader.GetInt64(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9),
                    reader.IsDBNull(10) ? null : reader.GetString(10));
                entries[entry.Version] = entry;
            }
        }

        if (hasVersionInfo)
        {
            await AddVersionsOnlyFluentMigratorKnowsAsync(entries, cancellationToken, transaction);
        }

        return entries;
    }

    /// <summary>Appends one event. Pass the migration's transaction so the record commits or rolls back with it.</summary>
    public async Task RecordAsync(HistoryRecord record, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        var sql = $"""
            INSERT INTO {Table} (version, name, checksum, state, started_at, finished_at, duration_ms, applied_by, host, bundle_version, detail)
            VALUES (@version, @name, @checksum, @state, @started_at, @finished_at, @duration_ms, @applied_by, @host, @bundle_version, @detail);
            """;
        if (record.State.CountsAsApplied())
        {
            sql += $"""
                INSERT INTO {VersionInfo} ("Version", "AppliedOn", "Description") VALUES (@version, (now() at time zone 'UTC'), @name)
                ON CONFLICT ("Version") DO NOTHING;
                """;
        }
        else if (record.State is MigrationState.RolledBack or MigrationState.ResolvedRolledBack)
        {
            sql += $"""DELETE FROM {VersionInfo} WHERE "Version" = @version;""";
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("version", record.Version);
        command.Parameters.AddWithValue("name", record.Name);
        command.Parameters.AddWithValue("checksum", (object?)record.Checksum ?? DBNull.Value);
        command.Parameters.AddWithValue("state", record.State.ToDatabase());
        command.Parameters.AddWithValue("started_at", record.StartedAt);
        command.Parameters.AddWithValue("finished_at", (object?)record.FinishedAt ?? DBNull.Value);
        command.Parameters.AddWithValue("duration_ms", (object?)record.DurationMs ?? DBNull.Value);
        command.Parameters.AddWithValue("applied_by", actor.User);
        command.Parameters.AddWithValue("host", actor.Host);
        command.Parameters.AddWithValue("bundle_version", actor.BundleVersion);
        command.Parameters.AddWithValue("detail", (object?)record.Detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<(bool History, bool VersionInfo)> TablesExistAsync(CancellationToken cancellationToken, NpgsqlTransaction? transaction)
    {
        await using var command = new NpgsqlCommand(
            "SELECT to_regclass(@history) IS NOT NULL, to_regclass(@versioninfo) IS NOT NULL", connection, transaction);
        command.Parameters.AddWithValue("history", Table);
        command.Parameters.AddWithValue("versioninfo", VersionInfo);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetBoolean(0), reader.GetBoolean(1));
    }

    /// <summary>A database migrated by plain FluentMigrator before it adopted the bundle: applied, checksum unknown.</summary>
    private async Task AddVersionsOnlyFluentMigratorKnowsAsync(Dictionary<long, HistoryEntry> entries, CancellationToken cancellationToken, NpgsqlTransaction? transaction)
    {
        await using var command = new NpgsqlCommand($"""SELECT "Version", "AppliedOn", "Description" FROM {VersionInfo}""", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var version = reader.GetInt64(0);
            if (entries.ContainsKey(version))
            {
                continue;
            }

            var appliedOn = reader.IsDBNull(1) ? DateTimeOffset.MinValue : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
            var name = reader.IsDBNull(2) ? string.Empty : reader.GetString(2);
            entries[version] = new HistoryEntry(version, name, null, MigrationState.Applied, appliedOn, appliedOn, null, null, null, null, "recorded by FluentMigrator's VersionInfo only");
        }
    }
}
