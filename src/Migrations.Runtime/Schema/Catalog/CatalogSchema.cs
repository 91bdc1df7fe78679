namespace Migrations.Runtime.Schema.Catalog;

/// <summary>A namespace: the connection's own (usually public) or another one the schema uses.</summary>
public sealed class CatalogSchema : CatalogObject;
