using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>Every migration class declared in the compilation's source, in version order.</summary>
internal sealed class MigrationIndex
{
    private readonly Dictionary<long, List<MigrationClass>> byVersion;

    private MigrationIndex(List<MigrationClass> migrations)
    {
        Migrations = migrations;
        byVersion = migrations.Where(migration => migration.Version.HasValue)
            .GroupBy(migration => migration.Version!.Value)
            .ToDictionary(group => group.Key, group => group.ToList());
    }

    /// <summary>Versioned migrations, ordered by version (ties in declaration order).</summary>
    public IReadOnlyList<MigrationClass> Migrations { get; }

    public IReadOnlyList<MigrationClass> WithVersion(long version) =>
        byVersion.TryGetValue(version, out var migrations) ? migrations : (IReadOnlyList<MigrationClass>)new MigrationClass[0];

    public static MigrationIndex Build(MigrationCompilation compilation)
    {
        var migrations = new List<MigrationClass>();
        Collect(compilation.Compilation.Assembly.GlobalNamespace, compilation, migrations);
        return new MigrationIndex(migrations.Where(migration => migration.Version.HasValue).OrderBy(migration => migration.Version!.Value).ToList());
    }

    private static void Collect(INamespaceOrTypeSymbol container, MigrationCompilation compilation, List<MigrationClass> migrations)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                Collect(ns, compilation, migrations);
            }
            else if (member is INamedTypeSymbol type)
            {
                var migration = compilation.GetMigrationClass(type);
                if (migration != null)
                {
                    migrations.Add(migration);
                }

                Collect(type, compilation, migrations);
            }
        }
    }
}
