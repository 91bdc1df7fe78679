namespace Migrations.Runtime.Schema.Catalog;

public enum CatalogTypeKind
{
    Enum,
    Domain,
    Composite,
}

/// <summary>A user-defined type: an enum, a domain or a composite type (CREATE TYPE … AS (…)).</summary>
public sealed class CatalogType : CatalogObject
{
    public required CatalogTypeKind Kind { get; init; }

    /// <summary>Enum labels, in sort order.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>A domain's base type as format_type prints it.</summary>
    public string? BaseType { get; init; }

    public bool NotNull { get; init; }

    public string? Default { get; init; }

    /// <summary>A domain's collation when it is not its base type's ("C", public.ci), quoted as SQL takes it.</summary>
    public string? Collation { get; init; }

    /// <summary>A domain's CHECK constraints: name and pg_get_constraintdef.</summary>
    public IReadOnlyList<(string Name, string Definition)> Checks { get; init; } = [];

    /// <summary>A composite type's attributes: name and type (with COLLATE when not the default).</summary>
    public IReadOnlyList<(string Name, string Type)> Attributes { get; init; } = [];
}
