using Migrations.Runtime.Schema.Catalog;

namespace Migrations.Runtime.Schema;

/// <summary>
/// Turns a <see cref="DatabaseCatalog"/> into the entries a snapshot compares: one per object, plus one per comment,
/// grant list, owner (when it is not the role that reads the catalog: the one that owns whatever the migrations create),
/// row-level-security setting and option list, so each difference is reported, and repaired, on its own.
/// </summary>
internal sealed partial class SchemaEntries(DatabaseCatalog catalog)
{
    private readonly SchemaSql _sql = new(catalog);
    private readonly List<SchemaEntry> _entries = [];

    public static IReadOnlyList<SchemaEntry> From(DatabaseCatalog catalog)
    {
        var builder = new SchemaEntries(catalog);
        builder.AddObjects();
        foreach (var relation in catalog.Relations)
        {
            builder.AddRelation(relation);
        }

        return builder._entries;
    }

    private void AddObjects()
    {
        foreach (var schema in catalog.Schemas)
        {
            var key = $"schema {schema.Name}";
            Add(key, "schema", SchemaPhase.Schema, () => [_sql.CreateSchema(schema)], () => [_sql.DropSchema(schema)], source: schema, ids: [$"n:{schema.Oid}"]);
            AddDecorations(key, _sql.Target(schema), schema);
        }

        foreach (var extension in catalog.Extensions)
        {
            Add($"extension {extension.Name}", $"{extension.Version} in schema {extension.Schema}", SchemaPhase.Extension,
                () => [_sql.CreateExtension(extension)], () => [_sql.DropExtension(extension)],
                repair: live => [$"ALTER EXTENSION {catalog.Quote(extension.Name)} SET SCHEMA {catalog.Quote(extension.Schema)}", $"ALTER EXTENSION {catalog.Quote(extension.Name)} UPDATE TO {DatabaseCatalog.Literal(extension.Version)}"]);
        }

        foreach (var collation in catalog.Collations)
        {
            var key = $"collation {collation.QualifiedName}";
            Add(key, collation.Options, SchemaPhase.Collation, () => [_sql.CreateCollation(collation)], () => [_sql.DropCollation(collation)], ids: [$"l:{collation.Oid}"]);
            AddDecorations(key, _sql.Target(collation), collation);
        }

        foreach (var type in catalog.Types)
        {
            var target = _sql.Target(type);
            var definition = type.Kind switch
            {
                CatalogTypeKind.Enum => string.Join(", ", type.Labels.Select(DatabaseCatalog.Literal)),
                CatalogTypeKind.Domain => SchemaSql.DomainDefinition(type, catalog.Quote),
                _ => "(" + string.Join(", ", type.Attributes.Select(attribute => $"{catalog.Quote(attribute.Name)} {attribute.Type}")) + ")",
            };
            Func<SchemaEntry, IEnumerable<string>> repair = type.Kind switch
            {
                CatalogTypeKind.Enum => live => _sql.RepairEnum(type, (CatalogType)live.Source!),
                CatalogTypeKind.Domain => live => _sql.RepairDomain(type, (CatalogType)live.Source!),
                _ => _ => [$"-- type {type.QualifiedName}: attributes differ; ALTER TYPE … ADD/DROP/ALTER ATTRIBUTE by hand"],
            };
            Add(target.Describe, definition, SchemaPhase.Type, () => [_sql.CreateType(type)], () => [_sql.DropType(type)], repair: repair, source: type, ids: [$"t:{type.Oid}"]);
            AddDecorations(target.Describe, target, type);
        }

        foreach (var sequence in catalog.Sequences)
        {
            AddSequence(sequence);
        }

        foreach (var routine in catalog.Routines)
        {
            var target = _sql.Target(routine);
            Add(target.Describe, routine.Definition, SchemaPhase.Routine, () => [_sql.CreateRoutine(routine)], () => [_sql.DropRoutine(routine)],
                repair: _ => [_sql.CreateRoutine(routine)], ids: [$"p:{routine.Oid}"]);
            AddDecorations(target.Describe, target, routine);
        }

        foreach (var defaults in catalog.DefaultPrivileges.Where(defaults => defaults.Grants.Count > 0))
        {
            var key = $"default privileges of role {defaults.Role}{(defaults.Schema is null ? string.Empty : $" in schema {defaults.Schema}")} on {defaults.ObjectTypeName}";
            Add(key, catalog.Describe(defaults.Grants), SchemaPhase.DefaultPrivileges, () => _sql.GrantDefaults(defaults), () => _sql.RevokeDefaults(defaults),
                repair: live => [.. _sql.RevokeDefaults(defaults with { Grants = ((DefaultPrivileges)live.Source!).Grants.Except(defaults.Grants).ToList() }),
                                 .. _sql.GrantDefaults(defaults with { Grants = defaults.Grants.Except(((DefaultPrivileges)live.Source!).Grants).ToList() })], source: defaults);
        }
    }

    private void AddSequence(CatalogSequence sequence)
    {
        var target = _sql.Target(sequence);
        var owner = sequence.OwnedBy is { } ownedBy && catalog.Relation(ownedBy.Table) is { } table ? $"{table.QualifiedName}.{ownedBy.Column}" : null;
        var definition = $"{sequence.DataType} increment {sequence.Increment} min {sequence.Min} max {sequence.Max}{(sequence.Cycle ? " cycle" : string.Empty)}"
            + (owner is null ? string.Empty : sequence.IsIdentity ? $" identity of {owner}" : $" owned by {owner}");
        var tableKey = sequence.OwnedBy is { } column && catalog.Relation(column.Table) is { } owning ? $"table {owning.QualifiedName}" : null;
        Add(target.Describe, definition, SchemaPhase.Sequence,
            () => sequence.OwnedBy is null || sequence.IsIdentity ? [_sql.CreateSequence(sequence)] : [_sql.CreateSequence(sequence), _sql.SequenceOwnedBy(sequence)],
            () => [_sql.DropSequence(sequence)],
            repair: live => _sql.RepairSequence(sequence, (CatalogSequence)live.Source!),
            parent: tableKey, createdWithParent: sequence.IsIdentity, source: sequence, ids: [$"r:{sequence.Oid}"]);
        AddDecorations(target.Describe, target, sequence);
    }

    /// <summary>The comment, grants and owner of an object, each an entry of its own.</summary>
    private void AddDecorations(string parent, SqlTarget target, CatalogObject item)
    {
        AddComment(parent, target, item.Comment);
        AddGrants(parent, target, item.Grants);
        if (catalog.OwnerIsNews(item))
        {
            Add($"owner of {target.Describe}", item.Owner, SchemaPhase.Owner, () => [_sql.Owner(target, item.Owner)], () => [_sql.Owner(target, catalog.CurrentUser)],
                repair: _ => [_sql.Owner(target, item.Owner)], parent: parent);
        }
    }

    private void AddComment(string parent, SqlTarget target, string? comment)
    {
        if (comment is not null)
        {
            Add($"comment on {target.Describe}", comment, SchemaPhase.Comment, () => [_sql.Comment(target, comment)], () => [_sql.Comment(target, null)],
                repair: _ => [_sql.Comment(target, comment)], parent: parent);
        }
    }

    private void AddGrants(string parent, SqlTarget target, IReadOnlyList<Grant> grants, string? column = null)
    {
        if (grants.Count > 0)
        {
            Add($"grants on {target.Describe}", catalog.Describe(grants), SchemaPhase.Grant, () => _sql.Grant(target, grants, column), () => _sql.Revoke(target, grants, column),
                repair: live => _sql.RegrantDifferences(target, grants, (IReadOnlyList<Grant>)live.Source!, column), parent: parent, source: grants);
        }
    }

    private void Add(string key, string definition, SchemaPhase phase, Func<IEnumerable<string>> create, Func<IEnumerable<string>> drop,
        Func<SchemaEntry, IEnumerable<string>>? repair = null, string? parent = null, bool createdWithParent = false, object? source = null, string[]? ids = null) =>
        _entries.Add(new SchemaEntry
        {
            Key = key, Definition = definition, Phase = phase, Create = create, Drop = drop, Repair = repair, Parent = parent, CreatedWithParent = createdWithParent, Source = source, Ids = ids ?? [],
        });
}
