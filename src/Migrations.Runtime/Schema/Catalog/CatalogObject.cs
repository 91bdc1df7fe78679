namespace Migrations.Runtime.Schema.Catalog;

/// <summary>What every schema object read from the catalog has: where it lives, who owns it, its comment and its grants.</summary>
public abstract class CatalogObject
{
    public required uint Oid { get; init; }

    public required string Schema { get; init; }

    public required string Name { get; init; }

    public string Owner { get; init; } = string.Empty;

    public string? Comment { get; init; }

    public IReadOnlyList<Grant> Grants { get; init; } = [];

    /// <summary>"public.users" — how snapshot keys name it, whatever the search path.</summary>
    public string QualifiedName => $"{Schema}.{Name}";
}
