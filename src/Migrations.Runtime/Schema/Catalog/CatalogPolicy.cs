namespace Migrations.Runtime.Schema.Catalog;

/// <summary>A row-level security policy.</summary>
public sealed class CatalogPolicy
{
    public required uint Oid { get; init; }

    public required string Name { get; init; }

    public bool Permissive { get; init; } = true;

    /// <summary>ALL, SELECT, INSERT, UPDATE or DELETE.</summary>
    public required string Command { get; init; }

    /// <summary>Role names; PUBLIC as null.</summary>
    public IReadOnlyList<string?> Roles { get; init; } = [];

    public string? Using { get; init; }

    public string? WithCheck { get; init; }

    public string? Comment { get; init; }
}
