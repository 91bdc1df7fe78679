using Migrations.Runtime.Connection;

namespace Migrations.Runtime.Fleet;

/// <summary>
/// One database (or one schema of one) of a fleet run, as a line of the targets file gave it.
/// <see cref="Connection"/> may hold a password: only <see cref="Address"/> and <see cref="Label"/> are ever printed.
/// </summary>
public sealed record FleetTarget(int Line, string? Name, string? Group, string Connection, ConnectionSettings Settings)
{
    /// <summary>user@host:port/database, plus the schema when it is not public: what identifies a target, without its password.</summary>
    public string Address => Settings.Schema == "public" ? Settings.Description : $"{Settings.Description}?schema={Settings.Schema}";

    /// <summary>How messages name the target: its name from a JSON targets file, else its address.</summary>
    public string Label => Name is null ? Address : $"{Name} ({Address})";
}
