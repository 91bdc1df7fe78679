namespace Migrations.Runtime.Schema.Catalog;

/// <summary>A collation created in a user schema (CREATE COLLATION), with its options as CREATE COLLATION takes them.</summary>
public sealed class CatalogCollation : CatalogObject
{
    /// <summary>"provider = icu, locale = 'und-u-ks-level2', deterministic = false".</summary>
    public required string Options { get; init; }
}
