using System.Text.Json;
using Npgsql;

namespace Migrations.Runtime.Schema.Catalog;

/// <summary>
/// Reads a database's schema into a <see cref="DatabaseCatalog"/> with one batch of pg_catalog queries (one round trip).
/// The batch sets the search path to the connection's schema first, so everything deparsed names that schema's
/// objects bare and the others qualified, the same way on every database compared.
/// </summary>
public static class CatalogReader
{
    public static async Task<DatabaseCatalog> ReadAsync(NpgsqlConnection connection, string defaultSchema, string historySchema, bool withDependencies, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        string[] queries =
        [
            CatalogQueries.Session, CatalogQueries.Schemas, CatalogQueries.Extensions, CatalogQueries.Collations, CatalogQueries.Types,
            CatalogQueries.Relations, CatalogQueries.Sequences, CatalogQueries.Columns, CatalogQueries.Constraints, CatalogQueries.Indexes,
            CatalogQueries.Triggers, CatalogQueries.Policies, CatalogQueries.Routines, CatalogQueries.DefaultPrivileges,
            .. withDependencies ? [CatalogQueries.Dependencies] : Array.Empty<string>(),
        ];
        foreach (var sql in queries)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue("schema", defaultSchema);
            CatalogQueries.AddHistoryTables(command.Parameters, historySchema);
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var catalog = new DatabaseCatalog
        {
            DefaultSchema = defaultSchema,
            CurrentUser = reader.GetString(1),
            Keywords = Strings(reader.GetString(2)).ToHashSet(StringComparer.Ordinal),
        };
        var rows = new CatalogRows(reader, cancellationToken);
        await rows.NextAsync(row => catalog.Schemas.Add(new CatalogSchema { Oid = row.Oid(0), Schema = row.Text(1), Name = row.Text(1), Owner = row.Text(2), Comment = row.Maybe(3), Grants = Grants(row.Text(4)) }));
        await rows.NextAsync(row => catalog.Extensions.Add(new CatalogExtension(row.Oid(0), row.Text(1), row.Text(2), row.Text(3))));
        await rows.NextAsync(row => catalog.Collations.Add(new CatalogCollation { Oid = row.Oid(0), Schema = row.Text(1), Name = row.Text(2), Owner = row.Text(3), Comment = row.Maybe(4), Options = CollationOptions(row.Text(5)) }));
        await rows.NextAsync(row => catalog.Types.Add(ReadType(row)));
        await rows.NextAsync(row => catalog.Relations.Add(ReadRelation(row)));
        var sequenceRows = new List<CatalogRow.Values>();
        await rows.NextAsync(row => sequenceRows.Add(row.Copy()));
        var relations = catalog.Relations.ToDictionary(relation => relation.Oid);
        await rows.NextAsync(row => relations[row.Oid(0)].Columns.Add(ReadColumn(row)));
        await rows.NextAsync(row => relations[row.Oid(1)].Constraints.Add(ReadConstraint(row)));
        await rows.NextAsync(row =>
        {
            if (relations.TryGetValue(row.Oid(1), out var table))
            {
                table.Indexes.Add(ReadIndex(row));
            }
        });
        await rows.NextAsync(row => relations[row.Oid(1)].Triggers.Add(new CatalogTrigger { Oid = row.Oid(0), Name = row.Text(2), Definition = row.Text(3), Enabled = row.Text(4)[0], ParentOid = row.Oid(5), Comment = row.Maybe(6) }));
        await rows.NextAsync(row => relations[row.Oid(1)].Policies.Add(new CatalogPolicy
        {
            Oid = row.Oid(0), Name = row.Text(2), Permissive = row.Flag(3), Command = row.Text(4), Roles = NullableStrings(row.Text(5)), Using = row.Maybe(6), WithCheck = row.Maybe(7), Comment = row.Maybe(8),
        }));
        await rows.NextAsync(row => catalog.Routines.Add(ReadRoutine(row)));
        await rows.NextAsync(row => catalog.DefaultPrivileges.Add(new DefaultPrivileges(row.Text(0), row.Maybe(1), row.Text(2)[0], Grants(row.Text(3)))));
        if (withDependencies)
        {
            await rows.NextAsync(row => catalog.Dependencies.Add((row.Text(0), row.Text(1))));
        }

        // Sequences are relations too (owner, comment, grants come with them), with their own options.
        var sequenceRelations = catalog.Relations.Where(relation => relation.Kind == 'S').ToDictionary(relation => relation.Oid);
        catalog.Relations.RemoveAll(relation => relation.Kind == 'S');
        foreach (var row in sequenceRows)
        {
            var relation = sequenceRelations[row.Oid(0)];
            catalog.Sequences.Add(new CatalogSequence
            {
                Oid = relation.Oid, Schema = relation.Schema, Name = relation.Name, Owner = relation.Owner, Comment = relation.Comment, Grants = relation.Grants,
                DataType = row.Text(1), Start = row.Long(2), Increment = row.Long(3), Min = row.Long(4), Max = row.Long(5), Cache = row.Long(6), Cycle = row.Flag(7),
                OwnedBy = row.IsNull(8) ? null : (row.Oid(8), row.Text(9)), IsIdentity = !row.IsNull(10) && row.Flag(10),
            });
        }

        return catalog;
    }

    private static CatalogType ReadType(CatalogRow row) => new()
    {
        Oid = row.Oid(0), Schema = row.Text(1), Name = row.Text(2), Owner = row.Text(4), Comment = row.Maybe(5), Grants = Grants(row.Text(6)),
        Kind = row.Text(3) switch { "e" => CatalogTypeKind.Enum, "d" => CatalogTypeKind.Domain, _ => CatalogTypeKind.Composite },
        Labels = row.IsNull(7) ? [] : Strings(row.Text(7)),
        BaseType = row.Maybe(8), NotNull = row.Flag(9), Default = row.Maybe(10), Collation = row.Maybe(11),
        Checks = row.IsNull(12) ? [] : Pairs(row.Text(12)),
        Attributes = row.IsNull(13) ? [] : Pairs(row.Text(13)),
    };

    private static CatalogRelation ReadRelation(CatalogRow row) => new()
    {
        Oid = row.Oid(0), Schema = row.Text(1), Name = row.Text(2), Kind = row.Text(3)[0], IsUnlogged = row.Flag(4), Owner = row.Text(5), Comment = row.Maybe(6),
        Grants = Grants(row.Text(7)), Options = Strings(row.Text(8)), RowLevelSecurity = row.Flag(9), ForceRowLevelSecurity = row.Flag(10),
        PartitionKey = row.Maybe(11), PartitionBound = row.Maybe(12),
        Parents = row.IsNull(13) ? [] : JsonSerializer.Deserialize<JsonElement[][]>(row.Text(13))!.Select(parent => (parent[0].GetString()!, parent[1].GetString()!, parent[2].GetUInt32())).ToList(),
        Query = row.Maybe(14), RowType = row.Oid(15),
    };

    private static CatalogColumn ReadColumn(CatalogRow row) => new()
    {
        Name = row.Text(1), Type = row.Text(2), NotNull = row.Flag(3), Default = row.Maybe(4), IsGenerated = row.Flag(5),
        Identity = row.IsNull(6) ? null : row.Text(6)[0], Collation = row.Maybe(7), Comment = row.Maybe(8), Grants = Grants(row.Text(9)), IsLocal = row.Flag(10),
    };

    private static CatalogConstraint ReadConstraint(CatalogRow row) => new()
    {
        Oid = row.Oid(0), Name = row.Text(2), Type = row.Text(3)[0], Definition = row.Text(4), IsInherited = row.Flag(5), Comment = row.Maybe(6),
        Columns = row.IsNull(7) ? [] : Strings(row.Text(7)),
        References = row.IsNull(8) ? null : (row.Text(8), row.Text(9)),
        ReferencedColumns = row.IsNull(10) ? [] : Strings(row.Text(10)),
        OnUpdate = row.Text(11)[0], OnDelete = row.Text(12)[0], IndexOid = row.Oid(13), ParentOid = row.Oid(14),
    };

    private static CatalogIndex ReadIndex(CatalogRow row) => new()
    {
        Oid = row.Oid(0), TableOid = row.Oid(1), Schema = row.Text(2), Name = row.Text(3), Definition = row.Text(4), IsUnique = row.Flag(5), IsValid = row.Flag(6),
        BacksConstraint = row.Flag(7), Method = row.Text(8),
        Keys = row.IsNull(9) ? [] : JsonSerializer.Deserialize<JsonElement[][]>(row.Text(9))!.Select(key => (key[0].ValueKind == JsonValueKind.Null ? null : key[0].GetString(), key[1].GetBoolean())).ToList(),
        Include = row.IsNull(10) ? [] : Strings(row.Text(10)),
        Predicate = row.Maybe(11), Comment = row.Maybe(12), ParentIndexOid = row.Oid(13),
    };

    private static CatalogRoutine ReadRoutine(CatalogRow row)
    {
        var kind = row.Text(4)[0];
        var schema = row.Text(1);
        var name = row.Text(2);
        return new CatalogRoutine
        {
            Oid = row.Oid(0), Schema = schema, Name = name, Arguments = row.Text(3), Kind = kind, Owner = row.Text(6), Comment = row.Maybe(7), Grants = Grants(row.Text(8)),
            // pg_get_functiondef cannot print an aggregate: for one the query gives CREATE AGGREGATE's options instead.
            Definition = kind == 'a' ? row.Text(5) : row.Text(5).TrimEnd(),
        };
    }

    /// <summary>to_jsonb(pg_collation) as CREATE COLLATION options; the locale column's name changed in PostgreSQL 17.</summary>
    private static string CollationOptions(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? Field(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var provider = Field("collprovider") switch { "i" => "icu", "b" => "builtin", _ => "libc" };
        var locale = Field("colllocale") ?? Field("colliculocale");
        var options = provider == "libc"
            ? $"provider = libc, lc_collate = {DatabaseCatalog.Literal(Field("collcollate") ?? string.Empty)}, lc_ctype = {DatabaseCatalog.Literal(Field("collctype") ?? string.Empty)}"
            : $"provider = {provider}, locale = {DatabaseCatalog.Literal(locale ?? string.Empty)}";
        var deterministic = !root.TryGetProperty("collisdeterministic", out var flag) || flag.GetBoolean();
        return deterministic ? options : options + ", deterministic = false";
    }

    private static List<string> Strings(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private static List<string?> NullableStrings(string json) => JsonSerializer.Deserialize<List<string?>>(json) ?? [];

    private static List<(string, string)> Pairs(string json) =>
        JsonSerializer.Deserialize<string[][]>(json)!.Select(pair => (pair[0], pair[1])).ToList();

    private static List<Grant> Grants(string json) =>
        JsonSerializer.Deserialize<JsonElement[][]>(json)!
            .Select(item => new Grant(item[0].ValueKind == JsonValueKind.Null ? null : item[0].GetString(), item[1].GetString()!, item[2].GetBoolean()))
            .OrderBy(grant => grant.Grantee ?? string.Empty, StringComparer.Ordinal).ThenBy(grant => grant.Privilege, StringComparer.Ordinal).ToList();
}
