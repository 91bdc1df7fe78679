namespace Migrations.Runtime.Schema.Catalog;

/// <summary>A table constraint: primary key, unique, foreign key, check or exclusion.</summary>
public sealed class CatalogConstraint
{
    public required uint Oid { get; init; }

    public required string Name { get; init; }

    /// <summary>'p', 'u', 'f', 'c' or 'x', as pg_constraint.contype.</summary>
    public required char Type { get; init; }

    /// <summary>pg_get_constraintdef: "FOREIGN KEY (a) REFERENCES t(b) ON DELETE CASCADE".</summary>
    public required string Definition { get; init; }

    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Declared on a parent and inherited (a partitioned table's key on each partition).</summary>
    public bool IsInherited { get; init; }

    /// <summary>The constraint it was inherited from, when PostgreSQL records it (partitions).</summary>
    public uint ParentOid { get; init; }

    public string? Comment { get; init; }

    /// <summary>A foreign key's referenced table (schema, name) and columns.</summary>
    public (string Schema, string Name)? References { get; init; }

    public IReadOnlyList<string> ReferencedColumns { get; init; } = [];

    /// <summary>pg_constraint.confupdtype / confdeltype: a (no action), r (restrict), c (cascade), n (set null), d (set default).</summary>
    public char OnUpdate { get; init; } = 'a';

    public char OnDelete { get; init; } = 'a';

    /// <summary>The index that enforces a primary key, unique or exclusion constraint.</summary>
    public uint IndexOid { get; init; }
}
