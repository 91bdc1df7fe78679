namespace Migrations.Runtime.Schema.Catalog;

/// <summary>A sequence: standalone, owned by a column (serial), or the sequence of an identity column.</summary>
public sealed class CatalogSequence : CatalogObject
{
    /// <summary>smallint, integer or bigint.</summary>
    public required string DataType { get; init; }

    public long Start { get; init; }

    public long Increment { get; init; }

    public long Min { get; init; }

    public long Max { get; init; }

    public long Cache { get; init; }

    public bool Cycle { get; init; }

    /// <summary>The column that owns it (OWNED BY, or the identity column): table oid and column name.</summary>
    public (uint Table, string Column)? OwnedBy { get; init; }

    /// <summary>It is an identity column's sequence: created and dropped with the column.</summary>
    public bool IsIdentity { get; init; }

    public bool HasDefaultOptions => Increment == 1 && Cache == 1 && !Cycle && Start == (Increment > 0 ? Min : Max) && Min == (Increment > 0 ? 1 : TypeMin) && Max == (Increment > 0 ? TypeMax : -1);

    private long TypeMax => DataType switch { "smallint" => short.MaxValue, "integer" => int.MaxValue, _ => long.MaxValue };

    private long TypeMin => DataType switch { "smallint" => short.MinValue, "integer" => int.MinValue, _ => long.MinValue };
}
