namespace Migrations.Runtime.Schema.Catalog;

/// <summary>Schemas, extensions, collations, types, sequences, routines and views.</summary>
public sealed partial class SchemaSql
{
    public string CreateSchema(CatalogSchema schema) => $"CREATE SCHEMA {catalog.Quote(schema.Name)}";

    public string DropSchema(CatalogSchema schema) => $"DROP SCHEMA {catalog.Quote(schema.Name)}";

    public string CreateExtension(CatalogExtension extension) =>
        $"CREATE EXTENSION IF NOT EXISTS {catalog.Quote(extension.Name)} WITH SCHEMA {catalog.Quote(extension.Schema)} VERSION {DatabaseCatalog.Literal(extension.Version)}";

    public string DropExtension(CatalogExtension extension) => $"DROP EXTENSION {catalog.Quote(extension.Name)}";

    public string CreateCollation(CatalogCollation collation) => $"CREATE COLLATION {Name(collation)} ({collation.Options})";

    public string DropCollation(CatalogCollation collation) => $"DROP COLLATION {Name(collation)}";

    public string CreateType(CatalogType type) => type.Kind switch
    {
        CatalogTypeKind.Enum => $"CREATE TYPE {Name(type)} AS ENUM ({string.Join(", ", type.Labels.Select(DatabaseCatalog.Literal))})",
        CatalogTypeKind.Domain => $"CREATE DOMAIN {Name(type)} AS {DomainDefinition(type)}",
        _ => $"CREATE TYPE {Name(type)} AS ({string.Join(", ", type.Attributes.Select(attribute => $"{catalog.Quote(attribute.Name)} {attribute.Type}"))})",
    };

    /// <summary>"integer DEFAULT 0 NOT NULL CONSTRAINT year_check CHECK (…)": a domain after AS, also what snapshots compare.</summary>
    public static string DomainDefinition(CatalogType domain, Func<string, string>? quote = null) =>
        domain.BaseType
        + (domain.Collation is null ? string.Empty : $" COLLATE {domain.Collation}")
        + (domain.Default is null ? string.Empty : $" DEFAULT {domain.Default}")
        + (domain.NotNull ? " NOT NULL" : string.Empty)
        + string.Concat(domain.Checks.Select(check => $" CONSTRAINT {(quote ?? (name => name))(check.Name)} {check.Definition}"));

    public string DropType(CatalogType type) => $"DROP {(type.Kind == CatalogTypeKind.Domain ? "DOMAIN" : "TYPE")} {Name(type)}";

    /// <summary>ALTER TYPE … ADD VALUE for labels the live enum lacks, when the live labels keep their order; otherwise a note.</summary>
    public IEnumerable<string> RepairEnum(CatalogType expected, CatalogType live)
    {
        var liveLabels = live.Labels.ToHashSet(StringComparer.Ordinal);
        var kept = expected.Labels.Where(liveLabels.Contains).ToList();
        if (!kept.SequenceEqual(live.Labels))
        {
            yield return $"-- enum {expected.QualifiedName}: labels were removed or reordered ({string.Join(", ", live.Labels)} → {string.Join(", ", expected.Labels)}); PostgreSQL cannot do that in place";
            yield break;
        }

        for (var index = 0; index < expected.Labels.Count; index++)
        {
            if (!liveLabels.Contains(expected.Labels[index]))
            {
                var position = index == 0 ? string.Empty : $" AFTER {DatabaseCatalog.Literal(expected.Labels[index - 1])}";
                yield return $"ALTER TYPE {Name(expected)} ADD VALUE {DatabaseCatalog.Literal(expected.Labels[index])}{position}";
            }
        }
    }

    /// <summary>ALTER DOMAIN for default, NOT NULL and checks; a different base type needs a new domain.</summary>
    public IEnumerable<string> RepairDomain(CatalogType expected, CatalogType live)
    {
        var alter = $"ALTER DOMAIN {Name(expected)}";
        if (expected.BaseType != live.BaseType || expected.Collation != live.Collation)
        {
            yield return $"-- domain {expected.QualifiedName}: the base type or collation differs ({live.BaseType} → {expected.BaseType}); create a new domain and move the columns by hand";
            yield break;
        }

        if (expected.Default != live.Default)
        {
            yield return expected.Default is null ? $"{alter} DROP DEFAULT" : $"{alter} SET DEFAULT {expected.Default}";
        }

        if (expected.NotNull != live.NotNull)
        {
            yield return $"{alter} {(expected.NotNull ? "SET" : "DROP")} NOT NULL";
        }

        foreach (var check in live.Checks.Where(check => !expected.Checks.Contains(check)))
        {
            yield return $"{alter} DROP CONSTRAINT {catalog.Quote(check.Name)}";
        }

        foreach (var check in expected.Checks.Where(check => !live.Checks.Contains(check)))
        {
            yield return $"{alter} ADD CONSTRAINT {catalog.Quote(check.Name)} {check.Definition}";
        }
    }

    public string CreateSequence(CatalogSequence sequence) => $"CREATE SEQUENCE {Name(sequence)} {SequenceOptions(sequence, withType: true)}";

    public string SequenceOptions(CatalogSequence sequence, bool withType) =>
        (withType ? $"AS {sequence.DataType} " : string.Empty)
        + $"INCREMENT BY {DatabaseCatalog.Number(sequence.Increment)} MINVALUE {DatabaseCatalog.Number(sequence.Min)} MAXVALUE {DatabaseCatalog.Number(sequence.Max)} "
        + $"START WITH {DatabaseCatalog.Number(sequence.Start)} CACHE {DatabaseCatalog.Number(sequence.Cache)}{(sequence.Cycle ? " CYCLE" : string.Empty)}";

    public string DropSequence(CatalogSequence sequence) => $"DROP SEQUENCE {Name(sequence)}";

    /// <summary>ALTER SEQUENCE … OWNED BY table.column, or OWNED BY NONE.</summary>
    public string SequenceOwnedBy(CatalogSequence sequence)
    {
        var owner = sequence.OwnedBy is { } ownedBy ? catalog.Relation(ownedBy.Table) : null;
        return $"ALTER SEQUENCE {Name(sequence)} OWNED BY {(owner is null ? "NONE" : $"{Name(owner)}.{catalog.Quote(sequence.OwnedBy!.Value.Column)}")}";
    }

    public IEnumerable<string> RepairSequence(CatalogSequence expected, CatalogSequence live)
    {
        var options = SequenceOptions(expected, withType: !expected.IsIdentity);
        yield return $"ALTER SEQUENCE {Name(expected)} {options.Replace(" CYCLE", string.Empty, StringComparison.Ordinal)}{(expected.Cycle ? " CYCLE" : " NO CYCLE")}";
        if (!expected.IsIdentity && expected.OwnedBy != live.OwnedBy)
        {
            yield return SequenceOwnedBy(expected);
        }
    }

    /// <summary>pg_get_functiondef (CREATE OR REPLACE …) with the routine named as this catalog names it; aggregates built from their options.</summary>
    public string CreateRoutine(CatalogRoutine routine)
    {
        if (routine.Kind == 'a')
        {
            return $"CREATE OR REPLACE AGGREGATE {Name(routine)}({routine.Arguments}) ({routine.Definition})";
        }

        var keyword = routine.Kind == 'p' ? "PROCEDURE" : "FUNCTION";
        var qualified = $"CREATE OR REPLACE {keyword} {catalog.Quote(routine.Schema)}.{catalog.Quote(routine.Name)}(";
        return routine.Definition.StartsWith(qualified, StringComparison.Ordinal)
            ? $"CREATE OR REPLACE {keyword} {Name(routine)}(" + routine.Definition[qualified.Length..]
            : routine.Definition;
    }

    public string DropRoutine(CatalogRoutine routine) => $"DROP {routine.KindName.ToUpperInvariant()} {Name(routine)}({routine.Arguments})";

    public string CreateView(CatalogRelation view, bool orReplace = false)
    {
        var kind = view.Kind == 'm' ? "MATERIALIZED VIEW" : "VIEW";
        var options = view.Options.Count == 0 ? string.Empty : $" WITH ({string.Join(", ", view.Options)})";
        return $"CREATE {(orReplace ? "OR REPLACE " : string.Empty)}{kind} {Name(view)}{options} AS\n{view.Query!.TrimEnd().TrimEnd(';')}";
    }

    public string DropRelation(CatalogRelation relation) => $"DROP {relation.KindName.ToUpperInvariant()} {Name(relation)}";
}
