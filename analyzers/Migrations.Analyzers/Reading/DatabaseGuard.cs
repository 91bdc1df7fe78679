using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Migrations.Analyzers.Infrastructure;

namespace Migrations.Analyzers.Reading;

/// <summary>
/// IfDatabase(…) as FluentMigrator 8.0.1 evaluates it with AddPostgres(): the names are compared, ignoring case, with
/// the processor's "PostgreSQL15_0" and its alias "PostgreSQL" (so "Postgres" matches nothing). A branch for another
/// database never runs on PostgreSQL, and nothing in it is judged.
/// </summary>
internal static class DatabaseGuard
{
    private static readonly string[] PostgresProcessorIds = { "PostgreSQL", "PostgreSQL15_0" };

    /// <summary>True when <paramref name="invocation"/> hangs off an IfDatabase(…) that does not name PostgreSQL.</summary>
    public static bool Excludes(IInvocationOperation invocation, FluentMigratorSymbols symbols, ValueReader values, ReadScope scope)
    {
        for (var receiver = Receiver(invocation); receiver != null; receiver = Receiver(receiver))
        {
            if (receiver is IInvocationOperation guard && IsIfDatabase(guard.TargetMethod, symbols))
            {
                var names = DatabaseNames(guard, values, scope);
                return names != null && !names.Any(name => PostgresProcessorIds.Any(id => string.Equals(id, name, StringComparison.OrdinalIgnoreCase)));
            }
        }

        return false;
    }

    public static bool IsIfDatabase(IMethodSymbol method, FluentMigratorSymbols symbols) =>
        method.Name == "IfDatabase" && MigrationClass.DerivesFrom(method.ContainingType, symbols.MigrationBase);

    /// <summary>The names given, or null when they cannot be known (the Predicate&lt;string&gt; form, computed names).</summary>
    private static string?[]? DatabaseNames(IInvocationOperation guard, ValueReader values, ReadScope scope)
    {
        var argument = guard.Arguments.FirstOrDefault()?.Value;
        if (argument is IArrayCreationOperation { Initializer: { } initializer })
        {
            var names = initializer.ElementValues.Select(element => values.Text(element, scope)).ToArray();
            return names.All(name => name != null) ? names : null;
        }

        var single = values.Text(argument, scope);
        return single == null ? null : new[] { single };
    }

    private static IOperation? Receiver(IOperation operation)
    {
        var receiver = operation switch
        {
            IInvocationOperation invocation => invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null),
            IPropertyReferenceOperation property => property.Instance,
            _ => null,
        };
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }

        return receiver is IInstanceReferenceOperation ? null : receiver;
    }
}
