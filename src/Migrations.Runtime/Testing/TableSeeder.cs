using Migrations.Runtime.Output;
using Migrations.Runtime.Schema;
using Npgsql;

namespace Migrations.Runtime.Testing;

/// <summary>
/// Fills every empty user table with generated rows before a migration is observed, so locks and rewrites happen
/// on real data. Values fit each column's type and length; foreign keys point at existing parent rows (parents are
/// filled first); columns with defaults, identities and generated columns are left to the table; unique
/// collisions are skipped (ON CONFLICT DO NOTHING). A table whose CHECK constraints reject the values stays empty, with a warning.
/// </summary>
internal sealed class TableSeeder(NpgsqlConnection connection, string historySchema, int rows, IProgressReporter progress)
{
    private sealed record Column(string Name, string Type, string BaseType, char TypeKind, bool NotNull, bool HasDefault, bool Generated, string? ReferencedTable, string? ReferencedColumn);

    private const string ColumnsQuery = """
        SELECT a.attname, format_type(a.atttypid, a.atttypmod),
               coalesce(bt.typname, t.typname), coalesce(bt.typtype, t.typtype),
               a.attnotnull, a.atthasdef, a.attidentity <> '' OR a.attgenerated <> '',
               (SELECT format('%s.%s', rn.nspname, rc.relname) FROM pg_constraint f
                  JOIN pg_class rc ON rc.oid = f.confrelid JOIN pg_namespace rn ON rn.oid = rc.relnamespace
                WHERE f.conrelid = a.attrelid AND f.contype = 'f' AND f.conkey = ARRAY[a.attnum] LIMIT 1),
               (SELECT ra.attname FROM pg_constraint f JOIN pg_attribute ra ON ra.attrelid = f.confrelid AND ra.attnum = f.confkey[1]
                WHERE f.conrelid = a.attrelid AND f.contype = 'f' AND f.conkey = ARRAY[a.attnum] LIMIT 1)
        FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype
        WHERE a.attrelid = @table AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum
        """;

    /// <summary>Seeds the empty tables; returns how many rows each table got.</summary>
    public async Task<IReadOnlyDictionary<string, long>> SeedEmptyTablesAsync(CancellationToken cancellationToken)
    {
        var seeded = new Dictionary<string, long>(StringComparer.Ordinal);
        var tables = new Dictionary<string, List<Column>>(StringComparer.Ordinal);
        foreach (var (oid, (name, _)) in await SchemaSnapshot.UserTablesAsync(connection, historySchema, cancellationToken))
        {
            if (await IsEmptyAsync(name, cancellationToken))
            {
                tables[name] = await ColumnsAsync(oid, cancellationToken);
            }
        }

        foreach (var table in ParentsFirst(tables))
        {
            var inserted = await SeedAsync(table, tables[table], cancellationToken);
            if (inserted > 0)
            {
                seeded[table] = inserted;
            }
        }

        return seeded;
    }

    private async Task<long> SeedAsync(string table, List<Column> columns, CancellationToken cancellationToken)
    {
        var values = new List<(string Column, string Expression)>();
        var joins = new List<string>();
        foreach (var column in columns.Where(column => !column.Generated))
        {
            if (column.ReferencedTable is not null && column.ReferencedTable != table)
            {
                var keys = $"k{joins.Count}";
                joins.Add($"(SELECT array_agg({Quote(column.ReferencedColumn!)}) AS v FROM {Quoted(column.ReferencedTable)}) {keys}");
                values.Add((column.Name, $"{keys}.v[1 + (g - 1) % greatest(cardinality({keys}.v), 1)]"));
                continue;
            }

            if (column.HasDefault || (column.ReferencedTable is not null && !column.NotNull))
            {
                continue;
            }

            var expression = ValueFor(column);
            if (expression is null)
            {
                if (column.NotNull)
                {
                    progress.Warn($"not seeding {table}: no generator for NOT NULL column {column.Name} of type {column.Type}.");
                    return 0;
                }

                continue;
            }

            values.Add((column.Name, $"({expression})::{column.Type}"));
        }

        var sql = values.Count == 0
            ? $"INSERT INTO {Quoted(table)} SELECT FROM generate_series(1, @rows) g"
            : $"INSERT INTO {Quoted(table)} ({string.Join(", ", values.Select(value => Quote(value.Column)))}) SELECT {string.Join(", ", values.Select(value => value.Expression))} FROM generate_series(1, @rows) g{string.Concat(joins.Select(join => " CROSS JOIN " + join))} ON CONFLICT DO NOTHING";
        try
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("rows", rows);
            var inserted = await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = $"ANALYZE {Quoted(table)}";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return inserted;
        }
        catch (PostgresException exception)
        {
            progress.Warn($"not seeding {table}: {exception.SqlState} {exception.MessageText}.");
            return 0;
        }
    }

    /// <summary>A value for row g that fits the type: distinct per row where the type allows, so unique columns mostly succeed.</summary>
    private static string? ValueFor(Column column)
    {
        var label = column.Name.Replace("'", "''", StringComparison.Ordinal);
        if (column.TypeKind == 'e')
        {
            return $"(enum_range(NULL::{column.Type}))[1 + g % cardinality(enum_range(NULL::{column.Type}))]";
        }

        if (column.BaseType.StartsWith('_'))
        {
            return "'{}'";
        }

        return column.BaseType switch
        {
            "int2" => "g % 32000",
            "int4" or "int8" or "oid" => "g",
            "numeric" => "g % 1000",
            "float4" or "float8" or "money" => "g * 1.5",
            "text" or "varchar" or "bpchar" or "name" or "citext" => $"'{label}-' || g",
            "bool" => "g % 2 = 0",
            "timestamp" or "timestamptz" => "now() - g * interval '1 minute'",
            "date" => "current_date - (g % 3650)",
            "time" or "timetz" => "time '00:00' + g * interval '1 second'",
            "interval" => "g * interval '1 second'",
            "uuid" => $"md5('{label}' || g)::uuid",
            "json" or "jsonb" => "json_build_object('n', g)",
            "bytea" => "decode(md5(g::text), 'hex')",
            "inet" => "'10.0.0.0'::inet + g",
            _ => null,
        };
    }

    /// <summary>Parents before children, so foreign keys find rows to point at; cycles fall back to name order.</summary>
    private static IEnumerable<string> ParentsFirst(Dictionary<string, List<Column>> tables)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var remaining = tables.Keys.Order(StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(table => tables[table].All(column =>
                column.ReferencedTable is null || column.ReferencedTable == table || done.Contains(column.ReferencedTable) || !tables.ContainsKey(column.ReferencedTable)))
                ?? remaining[0];
            remaining.Remove(ready);
            done.Add(ready);
            yield return ready;
        }
    }

    private async Task<bool> IsEmptyAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT NOT EXISTS (SELECT 1 FROM {Quoted(table)})", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<List<Column>> ColumnsAsync(uint table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ColumnsQuery, connection);
        command.Parameters.AddWithValue("table", NpgsqlTypes.NpgsqlDbType.Oid, table);
        var columns = new List<Column>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(new Column(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetChar(3), reader.GetBoolean(4), reader.GetBoolean(5), reader.GetBoolean(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return columns;
    }

    /// <summary>"public.users" (as <see cref="SchemaSnapshot"/> names tables) → "public"."users".</summary>
    private static string Quoted(string table)
    {
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        return $"{Quote(table[..dot])}.{Quote(table[(dot + 1)..])}";
    }

    private static string Quote(string identifier) => History.HistoryStore.Quote(identifier);
}
