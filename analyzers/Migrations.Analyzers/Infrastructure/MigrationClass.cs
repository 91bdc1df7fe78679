using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Migrations.Analyzers.Infrastructure;

internal enum MigrationBaseKind
{
    Migration,
    AutoReversing,
    ForwardOnly,
    Other,
}

/// <summary>A class FluentMigrator runs: it derives from MigrationBase and carries [Migration] or [Maintenance] (or a derived attribute).</summary>
internal sealed class MigrationClass
{
    private const int TransactionBehaviorNone = 1;

    private MigrationClass(INamedTypeSymbol type, AttributeData attribute, long? version, bool isMaintenance, bool withoutTransaction, MigrationBaseKind kind)
    {
        Type = type;
        Attribute = attribute;
        Version = version;
        IsMaintenance = isMaintenance;
        WithoutTransaction = withoutTransaction;
        Kind = kind;
        Tags = ReadTags(type);
    }

    /// <summary>Its [Tags] (inherited and from interfaces): RequireAll or RequireAny, and the names.</summary>
    public IReadOnlyCollection<(bool RequireAll, IReadOnlyCollection<string> Names)> Tags { get; }

    /// <summary>FluentMigrator runs it with these runner tags (see <see cref="Migrations.Safety.MigrationTagFilter"/>).</summary>
    public bool RunsWith(IReadOnlyCollection<string> runnerTags) => Migrations.Safety.MigrationTagFilter.Runs(Tags, runnerTags);

    public INamedTypeSymbol Type { get; }

    public AttributeData Attribute { get; }

    /// <summary>The version, or null for maintenance migrations and attributes whose version cannot be read.</summary>
    public long? Version { get; }

    public bool IsMaintenance { get; }

    /// <summary>TransactionBehavior.None: the migration runs without a transaction.</summary>
    public bool WithoutTransaction { get; }

    public MigrationBaseKind Kind { get; }

    public static MigrationClass? TryCreate(INamedTypeSymbol type, FluentMigratorSymbols symbols)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || !DerivesFrom(type, symbols.MigrationBase))
        {
            return null;
        }

        foreach (var attribute in type.GetAttributes())
        {
            var isMigration = DerivesFrom(attribute.AttributeClass, symbols.MigrationAttribute);
            var isMaintenance = !isMigration && DerivesFrom(attribute.AttributeClass, symbols.MaintenanceAttribute);
            if (isMigration || isMaintenance)
            {
                return new MigrationClass(type, attribute, isMigration ? ReadVersion(attribute) : null, isMaintenance, ReadWithoutTransaction(attribute), KindOf(type, symbols));
            }
        }

        return null;
    }

    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (var current = type; current != null && baseType != null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyCollection<(bool RequireAll, IReadOnlyCollection<string> Names)> ReadTags(INamedTypeSymbol type)
    {
        var tags = new List<(bool, IReadOnlyCollection<string>)>();
        var sources = new List<INamedTypeSymbol>();
        for (var current = type; current != null; current = current.BaseType)
        {
            sources.Add(current);
        }

        sources.AddRange(type.AllInterfaces);
        foreach (var source in sources)
        {
            foreach (var attribute in source.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == TagsAttribute)
                {
                    tags.Add(ReadTag(attribute.ConstructorArguments));
                }
                else if (IsDerivedTags(attribute.AttributeClass) && DerivedTag(attribute) is { } derived)
                {
                    tags.Add(derived);
                }
            }
        }

        return tags;
    }

    private const string TagsAttribute = "FluentMigrator.TagsAttribute";

    /// <summary>(TagBehavior behavior, params string[] tagNames) or (params string[] tagNames) or 1–4 strings.</summary>
    private static (bool RequireAll, IReadOnlyCollection<string> Names) ReadTag(IEnumerable<TypedConstant> arguments)
    {
        var requireAll = true;
        var names = new List<string>();
        foreach (var argument in arguments)
        {
            if (argument.Kind == TypedConstantKind.Enum && argument.Value is int behavior)
            {
                requireAll = behavior == 0;
            }
            else if (argument.Kind == TypedConstantKind.Array)
            {
                names.AddRange(argument.Values.Select(value => value.Value as string).Where(name => name != null)!);
            }
            else if (argument.Value is string name)
            {
                names.Add(name);
            }
        }

        return (requireAll, names);
    }

    private static bool IsDerivedTags(INamedTypeSymbol? attribute)
    {
        for (var type = attribute?.BaseType; type != null; type = type.BaseType)
        {
            if (type.ToDisplayString() == TagsAttribute)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A project's own tag attribute, <c>class MsSqlOnlyAttribute : TagsAttribute { public MsSqlOnlyAttribute() : base("SQLServer") { } }</c>:
    /// its tags are the literal arguments its constructor gives the base.
    /// </summary>
    private static (bool RequireAll, IReadOnlyCollection<string> Names)? DerivedTag(AttributeData attribute)
    {
        var initializer = attribute.AttributeConstructor?.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax())
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorDeclarationSyntax>()
            .Select(constructor => constructor.Initializer)
            .FirstOrDefault(candidate => candidate != null);
        if (initializer == null)
        {
            return null;
        }

        var requireAll = true;
        var names = new List<string>();
        foreach (var argument in initializer.ArgumentList.Arguments)
        {
            switch (argument.Expression)
            {
                case Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal when literal.Token.Value is string name:
                    names.Add(name);
                    break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member when member.Name.Identifier.ValueText == "RequireAny":
                    requireAll = false;
                    break;
            }
        }

        return (requireAll, names);
    }

    private static MigrationBaseKind KindOf(INamedTypeSymbol type, FluentMigratorSymbols symbols)
    {
        if (DerivesFrom(type, symbols.AutoReversingMigration))
        {
            return MigrationBaseKind.AutoReversing;
        }

        if (DerivesFrom(type, symbols.ForwardOnlyMigration))
        {
            return MigrationBaseKind.ForwardOnly;
        }

        return DerivesFrom(type, symbols.Migration) ? MigrationBaseKind.Migration : MigrationBaseKind.Other;
    }

    /// <summary>Reads TransactionBehavior by constructor parameter name, so derived attributes and defaulted arguments both work.</summary>
    private static bool ReadWithoutTransaction(AttributeData attribute)
    {
        var value = Argument(attribute, "transactionBehavior");
        if (value == null)
        {
            var named = attribute.NamedArguments.FirstOrDefault(argument => argument.Key == "TransactionBehavior");
            value = named.Key == null ? null : named.Value.Value;
        }

        return value is int behavior && behavior == TransactionBehaviorNone;
    }

    private static long? ReadVersion(AttributeData attribute)
    {
        var version = Argument(attribute, "version");
        if (version != null)
        {
            return Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture);
        }

        // TimestampedMigrationAttribute(year, month, day, hour, minute[, second]) and look-alikes.
        var parts = new[] { "year", "month", "day", "hour", "minute" }.Select(name => Argument(attribute, name)).ToArray();
        if (parts.Any(part => part == null))
        {
            return null;
        }

        var second = Argument(attribute, "second") ?? 0;
        long Part(object value) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        return (((((Part(parts[0]!) * 100) + Part(parts[1]!)) * 100 + Part(parts[2]!)) * 100 + Part(parts[3]!)) * 100 + Part(parts[4]!)) * 100 + Part(second);
    }

    private static object? Argument(AttributeData attribute, string parameterName)
    {
        var constructor = attribute.AttributeConstructor;
        if (constructor == null)
        {
            return null;
        }

        for (var index = 0; index < constructor.Parameters.Length && index < attribute.ConstructorArguments.Length; index++)
        {
            if (string.Equals(constructor.Parameters[index].Name, parameterName, StringComparison.Ordinal))
            {
                var argument = attribute.ConstructorArguments[index];
                return argument.Kind == TypedConstantKind.Array ? null : argument.Value;
            }
        }

        return null;
    }
}
