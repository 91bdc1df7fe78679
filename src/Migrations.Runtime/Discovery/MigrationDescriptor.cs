using FluentMigrator;

namespace Migrations.Runtime.Discovery;

/// <summary>One migration of the bundle, as its attributes declare it. Creating the instance is deferred.</summary>
public sealed record MigrationDescriptor(long Version, string Name, Type Type, TransactionBehavior TransactionBehavior, string? Description, bool IsBreakingChange)
{
    /// <summary>The versions this migration replaces, its own included, when <c>squash</c> wrote it (<see cref="SquashesAttribute"/>).</summary>
    public IReadOnlyList<long> Squashes { get; init; } = [];

    public bool IsSquash => Squashes.Count > 0;

    public bool IsTransactional => TransactionBehavior == TransactionBehavior.Default;

    /// <summary>"20241102000000 Init" — how every message names a migration.</summary>
    public string DisplayName => $"{Version} {Name}";

    public override string ToString() => DisplayName;
}
