namespace Migrations.Runtime.Schema.Catalog;

/// <summary>Comments, grants, owners and default privileges, for any object named by a <see cref="SqlTarget"/>.</summary>
public sealed partial class SchemaSql
{
    public SqlTarget Target(CatalogRelation relation) => new(relation.KindName, relation.QualifiedName, $"{relation.KindName.ToUpperInvariant()} {Name(relation)}", $"TABLE {Name(relation)}");

    public SqlTarget Target(CatalogRelation table, CatalogColumn column) =>
        new("column", $"{table.QualifiedName}.{column.Name}", $"COLUMN {Name(table)}.{catalog.Quote(column.Name)}", $"TABLE {Name(table)}");

    public SqlTarget Target(CatalogRelation table, CatalogConstraint constraint) =>
        new("constraint", $"{table.QualifiedName}.{constraint.Name}", $"CONSTRAINT {catalog.Quote(constraint.Name)} ON {Name(table)}", null);

    public SqlTarget Target(CatalogRelation table, CatalogTrigger trigger) =>
        new("trigger", $"{table.QualifiedName}.{trigger.Name}", $"TRIGGER {catalog.Quote(trigger.Name)} ON {Name(table)}", null);

    public SqlTarget Target(CatalogRelation table, CatalogPolicy policy) =>
        new("policy", $"{table.QualifiedName}.{policy.Name}", $"POLICY {catalog.Quote(policy.Name)} ON {Name(table)}", null);

    public SqlTarget Target(CatalogIndex index) => new("index", $"{index.Schema}.{index.Name}", $"INDEX {catalog.Name(index.Schema, index.Name)}", null);

    public SqlTarget Target(CatalogSequence sequence) => new("sequence", sequence.QualifiedName, $"SEQUENCE {Name(sequence)}", $"SEQUENCE {Name(sequence)}");

    public SqlTarget Target(CatalogSchema schema) => new("schema", schema.Name, $"SCHEMA {catalog.Quote(schema.Name)}", $"SCHEMA {catalog.Quote(schema.Name)}");

    public SqlTarget Target(CatalogCollation collation) => new("collation", collation.QualifiedName, $"COLLATION {Name(collation)}", null);

    public SqlTarget Target(CatalogType type)
    {
        var kind = type.Kind switch { CatalogTypeKind.Enum => "enum", CatalogTypeKind.Domain => "domain", _ => "type" };
        var keyword = type.Kind == CatalogTypeKind.Domain ? "DOMAIN" : "TYPE";
        return new(kind, type.QualifiedName, $"{keyword} {Name(type)}", $"{keyword} {Name(type)}");
    }

    public SqlTarget Target(CatalogRoutine routine)
    {
        var signature = $"{Name(routine)}({routine.Arguments})";
        return new(routine.KindName, routine.Signature, $"{routine.KindName.ToUpperInvariant()} {signature}", $"{(routine.Kind == 'p' ? "PROCEDURE" : "FUNCTION")} {signature}");
    }

    public string Comment(SqlTarget target, string? comment) =>
        $"COMMENT ON {target.Sql} IS {(comment is null ? "NULL" : DatabaseCatalog.Literal(comment))}";

    /// <summary>One GRANT per grantee (and grant option); column privileges name their column.</summary>
    public IEnumerable<string> Grant(SqlTarget target, IReadOnlyList<Grant> grants, string? column = null) =>
        grants.GroupBy(grant => (grant.Grantee, grant.Grantable)).Select(group =>
            $"GRANT {Privileges(group, column)} ON {target.GrantOn} TO {catalog.Grantee(group.Key.Grantee)}{(group.Key.Grantable ? " WITH GRANT OPTION" : string.Empty)}");

    /// <summary>
    /// REVOKE exactly these privileges, one statement per grantee. Not REVOKE ALL: on a table that would also take away
    /// the grantee's column privileges, which are entries of their own.
    /// </summary>
    public IEnumerable<string> Revoke(SqlTarget target, IReadOnlyList<Grant> grants, string? column = null) =>
        grants.GroupBy(grant => grant.Grantee).Select(group =>
            $"REVOKE {Privileges(group, column)} ON {target.GrantOn} FROM {catalog.Grantee(group.Key)}");

    /// <summary>Revokes what only the live object grants, grants what only the expected one does.</summary>
    public IEnumerable<string> RegrantDifferences(SqlTarget target, IReadOnlyList<Grant> expected, IReadOnlyList<Grant> live, string? column = null) =>
        Revoke(target, live.Except(expected).ToList(), column).Concat(Grant(target, expected.Except(live).ToList(), column));

    /// <summary>
    /// The statements that take a newly created object from the privileges PostgreSQL gives it (EXECUTE to PUBLIC on a
    /// routine, USAGE to PUBLIC on a type and on schema public) to <paramref name="grants"/>: only the differences.
    /// </summary>
    public IEnumerable<string> GrantFromDefaults(SqlTarget target, CatalogObject item)
    {
        IReadOnlyList<Grant> defaults = item switch
        {
            CatalogRoutine => [new Grant(null, "EXECUTE", false)],
            CatalogType => [new Grant(null, "USAGE", false)],
            CatalogSchema { Name: "public" } => [new Grant(null, "USAGE", false)],
            _ => [],
        };
        var revoked = defaults.Where(grant => !item.Grants.Contains(grant)).ToList();
        var statements = revoked.Select(grant => $"REVOKE {grant.Privilege} ON {target.GrantOn} FROM {catalog.Grantee(grant.Grantee)}");
        return statements.Concat(Grant(target, item.Grants.Where(grant => !defaults.Contains(grant)).ToList()));
    }

    public string Owner(SqlTarget target, string role) => $"ALTER {target.Sql} OWNER TO {catalog.Quote(role)}";

    public IEnumerable<string> GrantDefaults(DefaultPrivileges defaults) =>
        defaults.Grants.GroupBy(grant => (grant.Grantee, grant.Grantable)).Select(group =>
            $"{AlterDefaults(defaults)} GRANT {Privileges(group, null)} ON {defaults.ObjectTypeName.ToUpperInvariant()} TO {catalog.Grantee(group.Key.Grantee)}{(group.Key.Grantable ? " WITH GRANT OPTION" : string.Empty)}");

    public IEnumerable<string> RevokeDefaults(DefaultPrivileges defaults) =>
        defaults.Grants.GroupBy(grant => grant.Grantee).Select(group =>
            $"{AlterDefaults(defaults)} REVOKE {Privileges(group, null)} ON {defaults.ObjectTypeName.ToUpperInvariant()} FROM {catalog.Grantee(group.Key)}");

    /// <summary>FOR ROLE is left out for the reading role itself, so the statement also works for whoever deploys it.</summary>
    private string AlterDefaults(DefaultPrivileges defaults) =>
        "ALTER DEFAULT PRIVILEGES"
        + (defaults.Role == catalog.CurrentUser ? string.Empty : $" FOR ROLE {catalog.Quote(defaults.Role)}")
        + (defaults.Schema is null ? string.Empty : $" IN SCHEMA {catalog.Quote(defaults.Schema)}");

    private string Privileges(IEnumerable<Grant> grants, string? column) =>
        string.Join(", ", grants.Select(grant => grant.Privilege).Order(StringComparer.Ordinal)) + (column is null ? string.Empty : $" ({catalog.Quote(column)})");
}
