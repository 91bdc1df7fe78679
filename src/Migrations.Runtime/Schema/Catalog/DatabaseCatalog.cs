using System.Globalization;
using System.Text;

namespace Migrations.Runtime.Schema.Catalog;

/// <summary>
/// Everything of a database's schema that the migrations are responsible for, read from pg_catalog once (see
/// <see cref="CatalogReader"/>). The snapshot that drift and test compare is derived from it, and so are the SQL of
/// drift --script and the migration scaffold writes. Names of objects in <see cref="DefaultSchema"/> are written
/// without their schema (the deparsed expressions were read with it as the search path), so a scaffolded migration
/// follows the schema of the connection it is deployed with.
/// </summary>
public sealed class DatabaseCatalog
{
    public required string DefaultSchema { get; init; }

    /// <summary>The role that read the catalog: the owner of what the migrations create, so ownership is only news when it differs.</summary>
    public required string CurrentUser { get; init; }

    /// <summary>The words quote_ident quotes (every keyword that is not unreserved).</summary>
    public required IReadOnlySet<string> Keywords { get; init; }

    public List<CatalogSchema> Schemas { get; } = [];

    public List<CatalogExtension> Extensions { get; } = [];

    public List<CatalogCollation> Collations { get; } = [];

    public List<CatalogType> Types { get; } = [];

    public List<CatalogSequence> Sequences { get; } = [];

    public List<CatalogRelation> Relations { get; } = [];

    public List<CatalogRoutine> Routines { get; } = [];

    public List<DefaultPrivileges> DefaultPrivileges { get; } = [];

    /// <summary>"depends on" edges between objects, as <c>"r:16400"</c> → <c>"p:16390"</c> (see <see cref="CatalogReader"/>); read only when asked for.</summary>
    public List<(string From, string To)> Dependencies { get; } = [];

    public CatalogRelation? Relation(uint oid) => Relations.Find(relation => relation.Oid == oid);

    /// <summary>
    /// Whether an object's owner is worth a snapshot entry: not the role reading the catalog (who owns what its migrations
    /// create), and for a schema not pg_database_owner either (PostgreSQL 15 gives every new database's public schema to it).
    /// </summary>
    public bool OwnerIsNews(CatalogObject item) => item.Owner != CurrentUser && !(item is CatalogSchema && item.Owner == "pg_database_owner");

    /// <summary>An identifier as quote_ident writes it: bare when PostgreSQL would read it back unchanged.</summary>
    public string Quote(string identifier)
    {
        var safe = identifier.Length > 0 && (identifier[0] is >= 'a' and <= 'z' or '_')
            && identifier.All(character => character is >= 'a' and <= 'z' or >= '0' and <= '9' or '_')
            && !Keywords.Contains(identifier);
        return safe ? identifier : "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>An object's name for SQL: bare in the default schema, schema-qualified elsewhere.</summary>
    public string Name(string schema, string name) => schema == DefaultSchema ? Quote(name) : $"{Quote(schema)}.{Quote(name)}";

    public string Name(CatalogObject item) => Name(item.Schema, item.Name);

    /// <summary>A string literal (standard_conforming_strings, the default since PostgreSQL 9.1).</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"reader: SELECT, UPDATE; PUBLIC: USAGE" — grants as snapshots compare them.</summary>
    public string Describe(IReadOnlyList<Grant> grants)
    {
        var text = new StringBuilder();
        foreach (var group in grants.GroupBy(grant => grant.Grantee).OrderBy(group => group.Key ?? string.Empty, StringComparer.Ordinal))
        {
            text.Append(text.Length > 0 ? "; " : string.Empty).Append(Grantee(group.Key)).Append(": ")
                .Append(string.Join(", ", group.OrderBy(grant => grant.Privilege, StringComparer.Ordinal).Select(grant => grant.Privilege + (grant.Grantable ? " with grant option" : string.Empty))));
        }

        return text.ToString();
    }

    public string Grantee(string? role) => role is null ? "PUBLIC" : Quote(role);
}
