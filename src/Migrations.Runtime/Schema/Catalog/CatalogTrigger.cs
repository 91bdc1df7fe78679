namespace Migrations.Runtime.Schema.Catalog;

public sealed class CatalogTrigger
{
    public required uint Oid { get; init; }

    public required string Name { get; init; }

    /// <summary>pg_get_triggerdef.</summary>
    public required string Definition { get; init; }

    /// <summary>pg_trigger.tgenabled: O (origin, the default), D (disabled), R (replica), A (always).</summary>
    public char Enabled { get; init; } = 'O';

    /// <summary>Cloned from a partitioned table's trigger onto a partition: created with the parent's.</summary>
    public bool IsInherited => ParentOid != 0;

    public uint ParentOid { get; init; }

    public string? Comment { get; init; }
}
