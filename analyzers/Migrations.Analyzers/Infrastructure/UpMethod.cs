using System.Threading;
using Microsoft.CodeAnalysis;

namespace Migrations.Analyzers.Infrastructure
{
    /// <summary>An analysed Up() of a migration, with its lazily built model.</summary>
    internal sealed class UpMethod
    {
        private UpBody? body;

        public UpMethod(MigrationCompilation compilation, MigrationClass migration, IMethodSymbol method)
        {
            Compilation = compilation;
            Migration = migration;
            Method = method;
        }

        public MigrationCompilation Compilation { get; }

        public MigrationClass Migration { get; }

        public IMethodSymbol Method { get; }

        /// <summary>The model of the whole Up() body; <paramref name="inside"/> is any operation of that body.</summary>
        public UpBody GetBody(IOperation inside)
        {
            var existing = Volatile.Read(ref body);
            if (existing != null)
            {
                return existing;
            }

            var root = inside;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            var built = UpBody.Build(this, root);
            return Interlocked.CompareExchange(ref body, built, null) ?? built;
        }

        /// <summary>True when the table was created earlier in this Up(), by Create.Table or raw CREATE TABLE.</summary>
        public bool IsNewTable(IOperation inside, string? table, string? schema, int position) =>
            table != null && GetBody(inside).IsCreatedBefore(table, schema, position);
    }
}
