namespace Migrations.Runtime.Schema.Catalog;

/// <summary>An installed extension; the functions, types and tables it brings are its members and are not listed apart.</summary>
public sealed record CatalogExtension(uint Oid, string Name, string Version, string Schema);
