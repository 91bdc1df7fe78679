namespace Migrations.Runtime.Schema.Catalog;

/// <summary>ALTER DEFAULT PRIVILEGES: what objects a role creates (in one schema, or anywhere) grant from the start.</summary>
/// <param name="Schema">The schema, or null for every schema.</param>
/// <param name="ObjectType">pg_default_acl.defaclobjtype: r tables, S sequences, f functions, T types, n schemas.</param>
public sealed record DefaultPrivileges(string Role, string? Schema, char ObjectType, IReadOnlyList<Grant> Grants)
{
    public string ObjectTypeName => ObjectType switch { 'S' => "sequences", 'f' => "functions", 'T' => "types", 'n' => "schemas", _ => "tables" };
}
