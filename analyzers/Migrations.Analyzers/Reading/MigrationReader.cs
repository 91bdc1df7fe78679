using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Model;
using Operation = Migrations.Safety.Model.Operation;

namespace Migrations.Analyzers.Reading;

/// <summary>
/// The C# reader: a migration class as the operations its Up() performs, read by symbol from the code that really runs
/// — the Up() it declares or inherits, and what that calls in the project. The analyzers judge these with the same
/// decisions the build applies to the rendered SQL.
/// </summary>
internal static class MigrationReader
{
    public static ReadMigration Read(MigrationCompilation compilation, MigrationClass migration, CancellationToken cancellationToken)
    {
        var numbering = new OperationNumbering(!migration.WithoutTransaction);
        var reader = new BodyReader(compilation, migration, numbering, cancellationToken);
        var up = UpOf(migration.Type);
        if (up == null)
        {
            reader.Unseen.Add("an Up() outside this project");
        }
        else
        {
            var declaration = migration.Type.Locations.FirstOrDefault(location => location.IsInSource);
            var anchor = reader.IsInMigration(up) ? null : declaration;
            reader.ReadMethod(up, ReadScope.Root(anchor).Enter(up, Enumerable.Empty<System.Collections.Generic.KeyValuePair<IParameterSymbol, IOperation>>(), anchor));
        }

        var operations = new MigrationOperations(migration.Version ?? 0, migration.Type.Name, !migration.WithoutTransaction, reader.Operations)
        {
            Source = migration.Type.Locations.FirstOrDefault(location => location.IsInSource),
        };
        foreach (var unseen in reader.Unseen.Distinct())
        {
            operations.Unseen.Add(unseen);
        }

        return new ReadMigration(migration, operations, reader.Read);
    }

    /// <summary>The Up() that runs for this class: its own, or the nearest base class's.</summary>
    private static IMethodSymbol? UpOf(INamedTypeSymbol type)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            var up = current.GetMembers("Up").OfType<IMethodSymbol>().FirstOrDefault(method => method.Parameters.Length == 0 && !method.IsStatic && !method.IsAbstract);
            if (up != null)
            {
                return up.DeclaringSyntaxReferences.Length > 0 ? up : null;
            }
        }

        return null;
    }
}

/// <summary>A migration class with the operations read from it and the methods whose code they came from.</summary>
internal sealed class ReadMigration
{
    public ReadMigration(MigrationClass migration, MigrationOperations operations, System.Collections.Generic.IReadOnlyList<IMethodSymbol> methods)
    {
        Migration = migration;
        Operations = operations;
        Methods = methods;
    }

    public MigrationClass Migration { get; }

    public MigrationOperations Operations { get; }

    public System.Collections.Generic.IReadOnlyList<IMethodSymbol> Methods { get; }
}
