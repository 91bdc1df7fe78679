using System.Text;
using System.Text.Json;
using Npgsql;
using static Migrations.Runtime.History.HistoryStore;

namespace Migrations.Runtime.Backup;

/// <summary>
/// What a database carries outside its own objects, so none of it is in a pg_dump archive: owner, encoding and locale,
/// tablespace, connection limit, grants on the database, its settings (ALTER DATABASE … SET, the 'protect' mark among
/// them) and its comment. A restore that builds a new database in place of an old one copies these, or the
/// application would find its grants, settings or protection gone.
/// </summary>
internal sealed record DatabaseProperties(
    string Name,
    string Owner,
    string Encoding,
    string Collate,
    string CType,
    string? LocaleProvider,
    string? IcuLocale,
    string Tablespace,
    int ConnectionLimit,
    IReadOnlyList<DatabaseGrant>? Grants,
    IReadOnlyList<DatabaseSetting> Settings,
    string? Comment)
{
    /// <summary>Reads them from the shared catalog (pg_database is the same from every database of the server).</summary>
    public static async Task<DatabaseProperties?> ReadAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        // to_jsonb(d) reads the locale columns that exist on this server's version (datlocprovider from 15, datlocale from 17).
        await using var command = new NpgsqlCommand("""
            SELECT to_jsonb(d)::text, pg_get_userbyid(d.datdba), pg_encoding_to_char(d.encoding), t.spcname, shobj_description(d.oid, 'pg_database'),
                   d.datacl IS NULL,
                   (SELECT coalesce(json_agg(json_build_object('privilege', a.privilege_type, 'grantable', a.is_grantable,
                                                               'grantee', CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END)), '[]')::text
                    FROM aclexplode(d.datacl) a WHERE a.grantee <> d.datdba),
                   (SELECT coalesce(json_agg(json_build_object('role', CASE WHEN s.setrole = 0 THEN NULL ELSE pg_get_userbyid(s.setrole) END, 'item', c.item)), '[]')::text
                    FROM pg_db_role_setting s, unnest(s.setconfig) c(item) WHERE s.setdatabase = d.oid)
            FROM pg_database d JOIN pg_tablespace t ON t.oid = d.dattablespace
            WHERE d.datname = @name
            """, connection);
        command.Parameters.AddWithValue("name", database);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        using var row = JsonDocument.Parse(reader.GetString(0));
        string? Column(string name) => row.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var grants = reader.GetBoolean(5) ? null : JsonSerializer.Deserialize<List<DatabaseGrant>>(reader.GetString(6), Json.Options);
        var settings = JsonSerializer.Deserialize<List<DatabaseSetting>>(reader.GetString(7), Json.Options)!;
        return new DatabaseProperties(
            database,
            reader.GetString(1),
            reader.GetString(2),
            Column("datcollate") ?? "C",
            Column("datctype") ?? "C",
            Column("datlocprovider"),
            Column("datlocale") ?? Column("daticulocale"),
            reader.GetString(3),
            row.RootElement.GetProperty("datconnlimit").GetInt32(),
            grants,
            settings,
            reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    /// <summary>CREATE DATABASE for an empty database with this one's encoding, locale and tablespace (from template0, as pg_restore wants).</summary>
    public string CreateStatement(string name)
    {
        var sql = new StringBuilder($"CREATE DATABASE {Quote(name)} TEMPLATE template0 ENCODING {Literal(Encoding)} LC_COLLATE {Literal(Collate)} LC_CTYPE {Literal(CType)}");
        if (LocaleProvider == "i")
        {
            sql.Append($" LOCALE_PROVIDER icu ICU_LOCALE {Literal(IcuLocale ?? "und")}");
        }

        sql.Append($" TABLESPACE {Quote(Tablespace)}");
        return sql.ToString();
    }

    /// <summary>
    /// Statements that give the database <paramref name="name"/> this one's grants, settings, comment and connection
    /// limit. Run while connected to another database; the owner is given last, by the caller, because only the
    /// current owner may rename a database.
    /// </summary>
    public IEnumerable<string> CopyStatements(string name)
    {
        var database = Quote(name);
        if (Grants is not null)
        {
            // An explicit ACL replaces the default one (CONNECT and TEMPORARY for PUBLIC): start from nothing.
            yield return $"REVOKE ALL ON DATABASE {database} FROM PUBLIC";
            foreach (var grant in Grants)
            {
                yield return $"GRANT {grant.Privilege} ON DATABASE {database} TO {(grant.Grantee is null ? "PUBLIC" : Quote(grant.Grantee))}{(grant.Grantable ? " WITH GRANT OPTION" : string.Empty)}";
            }
        }

        foreach (var setting in Settings)
        {
            var equals = setting.Item.IndexOf('=', StringComparison.Ordinal);
            var assignment = $"SET {Quote(setting.Item[..equals])} TO {SettingValue(setting.Item[..equals], setting.Item[(equals + 1)..])}";
            yield return setting.Role is null
                ? $"ALTER DATABASE {database} {assignment}"
                : $"ALTER ROLE {Quote(setting.Role)} IN DATABASE {database} {assignment}";
        }

        if (Comment is not null)
        {
            yield return $"COMMENT ON DATABASE {database} IS {Literal(Comment)}";
        }

        if (ConnectionLimit != -1)
        {
            yield return $"ALTER DATABASE {database} CONNECTION LIMIT {ConnectionLimit}";
        }
    }

    /// <summary>
    /// A stored setting's value as SQL. List settings (search_path and the like) are stored as their list text, each
    /// element quoted as an identifier where needed: they are written back element by element, as pg_dump does;
    /// any other value is one literal.
    /// </summary>
    private static string SettingValue(string name, string value)
    {
        if (!ListSettings.Contains(name))
        {
            return Literal(value);
        }

        var elements = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (character == '"')
            {
                if (quoted && index + 1 < value.Length && value[index + 1] == '"')
                {
                    current.Append('"');
                    index++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (character == ',' && !quoted)
            {
                elements.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(character);
            }
        }

        elements.Add(current.ToString().Trim());
        return string.Join(", ", elements.Select(Literal));
    }

    private static readonly HashSet<string> ListSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "search_path", "temp_tablespaces", "session_preload_libraries", "local_preload_libraries", "shared_preload_libraries",
    };

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static class Json
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    }
}

internal sealed record DatabaseGrant(string Privilege, bool Grantable, string? Grantee);

/// <summary>One pg_db_role_setting item ("name=value"), for the whole database (Role null) or one role in it.</summary>
internal sealed record DatabaseSetting(string? Role, string Item);
