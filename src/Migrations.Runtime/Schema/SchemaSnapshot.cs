using Migrations.Runtime.Schema.Catalog;
using Npgsql;

namespace Migrations.Runtime.Schema;

/// <summary>
/// The schema of a database as comparable text: one definition per object ("column public.users.email" →
/// "text not null"), derived from the <see cref="DatabaseCatalog"/> read with PostgreSQL's own deparsers so equal
/// schemas print equally. The bundle's history tables are left out: they are bookkeeping, not the schema the migrations
/// produce. Objects that belong to an extension are left out too: the extension (with its version) stands for them.
/// </summary>
public sealed class SchemaSnapshot
{
    private SchemaSnapshot(DatabaseCatalog catalog, IReadOnlyList<SchemaEntry> entries)
    {
        Catalog = catalog;
        Entries = entries.GroupBy(entry => entry.Key).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        Objects = new SortedDictionary<string, string>(Entries.ToDictionary(pair => pair.Key, pair => pair.Value.Definition), StringComparer.Ordinal);
    }

    /// <summary>Object key ("table public.users") → definition.</summary>
    public IReadOnlyDictionary<string, string> Objects { get; }

    /// <summary>Object key → the entry, with the SQL that creates, drops and repairs it.</summary>
    public IReadOnlyDictionary<string, SchemaEntry> Entries { get; }

    public DatabaseCatalog Catalog { get; }

    /// <param name="defaultSchema">The connection's schema: the search path while the catalog is read (see <see cref="CatalogReader"/>).</param>
    public static async Task<SchemaSnapshot> CaptureAsync(NpgsqlConnection connection, string historySchema, CancellationToken cancellationToken, string? defaultSchema = null, bool withDependencies = false) =>
        Of(await CatalogReader.ReadAsync(connection, defaultSchema ?? historySchema, historySchema, withDependencies, cancellationToken));

    public static SchemaSnapshot Of(DatabaseCatalog catalog) => new(catalog, SchemaEntries.From(catalog));

    /// <summary>The user tables (and materialized views) as they exist now: oid, name and storage file, to spot rewrites.</summary>
    public static async Task<IReadOnlyDictionary<uint, (string Name, uint FileNode)>> UserTablesAsync(NpgsqlConnection connection, string historySchema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("WITH " + CatalogQueries.UserRelations + "SELECT oid, format('%s.%s', nspname, relname), (SELECT relfilenode FROM pg_class WHERE oid = rel.oid) FROM rel WHERE relkind IN ('r', 'm')", connection);
        CatalogQueries.AddHistoryTables(command.Parameters, historySchema);
        var tables = new Dictionary<uint, (string, uint)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables[reader.GetFieldValue<uint>(0)] = (reader.GetString(1), reader.GetFieldValue<uint>(2));
        }

        return tables;
    }

    /// <summary>A column's type as PostgreSQL prints it ("character varying(255)") and whether it is NOT NULL; null when unknown.</summary>
    public (string Type, bool NotNull)? Column(string schema, string table, string column) =>
        Entries.TryGetValue($"column {schema}.{table}.{column}", out var entry) && entry.Source is CatalogColumn source ? (source.Type, source.NotNull) : null;

    public IReadOnlyList<SchemaDifference> CompareWith(SchemaSnapshot actual) => SchemaDifference.Between(this, actual);
}
