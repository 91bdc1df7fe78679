using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Migrations.Analyzers.Infrastructure;

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

    /// <summary>The model of the whole Up() body, built from its operation blocks on first use and shared by every analyzer.</summary>
    public UpBody GetBody(SemanticModel model, SyntaxNode codeBlock, CancellationToken cancellationToken)
    {
        var existing = Volatile.Read(ref body);
        if (existing != null)
        {
            return existing;
        }

        var operation = model.GetOperation(codeBlock, cancellationToken);
        var built = UpBody.Build(this, operation == null ? ImmutableArray<IOperation>.Empty : ImmutableArray.Create(operation));
        return Interlocked.CompareExchange(ref body, built, null) ?? built;
    }
}
