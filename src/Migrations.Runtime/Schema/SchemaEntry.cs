namespace Migrations.Runtime.Schema;

/// <summary>
/// One comparable object of a <see cref="SchemaSnapshot"/>: its key, its definition as text, and the SQL that creates,
/// drops or repairs it (drift --script). Statements have no trailing semicolon; a statement starting with "--" is a note
/// for the reviewer that something cannot be done in place.
/// </summary>
public sealed class SchemaEntry
{
    public required string Key { get; init; }

    public required string Definition { get; init; }

    public required SchemaPhase Phase { get; init; }

    /// <summary>The entry whose DROP takes this one along (a column's table, a comment's object).</summary>
    public string? Parent { get; init; }

    /// <summary>Creating the parent creates this one too (a column in CREATE TABLE, a partition's inherited key).</summary>
    public bool CreatedWithParent { get; init; }

    public required Func<IEnumerable<string>> Create { get; init; }

    public required Func<IEnumerable<string>> Drop { get; init; }

    /// <summary>Turns the live object (the argument) into this one in place; null means drop it and create this one.</summary>
    public Func<SchemaEntry, IEnumerable<string>>? Repair { get; init; }

    /// <summary>The ids dependencies name the object by ("r:16400"; see <see cref="DependencyOrder"/>), for the objects that have them.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary>The catalog object the entry was made from, for repairs that need both sides' details.</summary>
    public object? Source { get; init; }
}
