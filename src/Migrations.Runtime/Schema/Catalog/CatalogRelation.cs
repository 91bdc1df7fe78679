namespace Migrations.Runtime.Schema.Catalog;

/// <summary>A table, partitioned table, view or materialized view, with what hangs off it.</summary>
public sealed class CatalogRelation : CatalogObject
{
    /// <summary>pg_class.relkind: 'r' table, 'p' partitioned table, 'v' view, 'm' materialized view.</summary>
    public required char Kind { get; init; }

    public bool IsUnlogged { get; init; }

    /// <summary>pg_class.reloptions: storage parameters of a table or materialized view, the options of a view.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    public bool RowLevelSecurity { get; init; }

    public bool ForceRowLevelSecurity { get; init; }

    /// <summary>pg_get_partkeydef: "RANGE (payment_date)".</summary>
    public string? PartitionKey { get; init; }

    /// <summary>A partition's bound: "FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')".</summary>
    public string? PartitionBound { get; init; }

    /// <summary>The parent of a partition, or the parents of an inheriting table (schema, name, oid).</summary>
    public IReadOnlyList<(string Schema, string Name, uint Oid)> Parents { get; init; } = [];

    /// <summary>The query of a view or materialized view (pg_get_viewdef).</summary>
    public string? Query { get; init; }

    /// <summary>pg_class.reltype: the row type other objects depend on.</summary>
    public uint RowType { get; init; }

    public List<CatalogColumn> Columns { get; } = [];

    public List<CatalogConstraint> Constraints { get; } = [];

    public List<CatalogIndex> Indexes { get; } = [];

    public List<CatalogTrigger> Triggers { get; } = [];

    public List<CatalogPolicy> Policies { get; } = [];

    public bool IsTable => Kind is 'r' or 'p';

    public bool IsPartition => PartitionBound is not null;

    /// <summary>"table", "view", "materialized view": the word in keys and in ALTER/COMMENT/GRANT statements.</summary>
    public string KindName => Kind switch { 'v' => "view", 'm' => "materialized view", _ => "table" };
}
