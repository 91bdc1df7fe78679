using System.Collections.Generic;

namespace Migrations.Safety.Model;

/// <summary>The operations of one migration's Up(), in the order they run, with what the rules need about the migration.</summary>
public sealed class MigrationOperations
{
    public MigrationOperations(long version, string name, bool transactional, IReadOnlyList<Operation> operations)
    {
        Version = version;
        Name = name;
        Transactional = transactional;
        Operations = operations;
    }

    public long Version { get; }

    public string Name { get; }

    /// <summary>TransactionBehavior.Default: the whole Up() runs in one transaction.</summary>
    public bool Transactional { get; }

    public IReadOnlyList<Operation> Operations { get; }

    /// <summary>
    /// What the reader could not see (SQL built at run time, a helper outside the compilation, a live-database query):
    /// its operations are missing here; the build's rendered-SQL check judges them.
    /// </summary>
    public IList<string> Unseen { get; } = new List<string>();

    /// <summary>The reader's object for the migration as a whole (its class declaration).</summary>
    public object? Source { get; set; }

    public override string ToString() => Version + " " + Name;
}
