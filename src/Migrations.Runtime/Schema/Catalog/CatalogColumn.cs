namespace Migrations.Runtime.Schema.Catalog;

/// <summary>A column of a table, view or materialized view.</summary>
public sealed class CatalogColumn
{
    public required string Name { get; init; }

    /// <summary>As format_type prints it: "character varying(200)", "numeric(10,2)", "mood[]".</summary>
    public required string Type { get; init; }

    public bool NotNull { get; init; }

    /// <summary>The default expression, or the generation expression of a generated column (pg_get_expr).</summary>
    public string? Default { get; init; }

    /// <summary>'s' for a stored generated column, otherwise none.</summary>
    public bool IsGenerated { get; init; }

    /// <summary>'a' (always), 'd' (by default) or none.</summary>
    public char? Identity { get; init; }

    /// <summary>The column's collation when it is not its type's default, quoted as SQL takes it ("C", public.ci).</summary>
    public string? Collation { get; init; }

    public string? Comment { get; init; }

    /// <summary>Column-level privileges (GRANT SELECT (col) …).</summary>
    public IReadOnlyList<Grant> Grants { get; init; } = [];

    /// <summary>False for a column inherited from a parent (a partition's columns, table inheritance).</summary>
    public bool IsLocal { get; init; } = true;
}
