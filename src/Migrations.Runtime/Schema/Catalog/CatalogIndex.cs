namespace Migrations.Runtime.Schema.Catalog;

/// <summary>An index, with the parts needed to tell whether FluentMigrator's Create.Index can write it exactly.</summary>
public sealed class CatalogIndex
{
    public required uint Oid { get; init; }

    public required uint TableOid { get; init; }

    public required string Schema { get; init; }

    public required string Name { get; init; }

    /// <summary>pg_get_indexdef: "CREATE INDEX ix ON public.t USING btree (a)".</summary>
    public required string Definition { get; init; }

    public bool IsUnique { get; init; }

    public bool IsValid { get; init; } = true;

    /// <summary>Created by a primary key, unique or exclusion constraint: it comes and goes with the constraint.</summary>
    public bool BacksConstraint { get; init; }

    public required string Method { get; init; }

    /// <summary>Key columns in order: the column name, or null for an expression; and whether it sorts DESC.</summary>
    public IReadOnlyList<(string? Column, bool Descending)> Keys { get; init; } = [];

    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>A partial index's predicate (pg_get_expr of indpred).</summary>
    public string? Predicate { get; init; }

    public string? Comment { get; init; }

    /// <summary>The partitioned index this one is attached to (an index of a partition).</summary>
    public uint ParentIndexOid { get; init; }
}
