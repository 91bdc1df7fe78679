using Migrations.Runtime.Schema;
using Migrations.Runtime.Schema.Catalog;

namespace Migrations.Runtime.Scaffold;

/// <summary>
/// The steps that recreate the chosen schemas of a catalog, fluent where <see cref="FluentWriter"/> can, Execute.Sql
/// with the SQL <see cref="SchemaSql"/> writes (the same drift --script uses) elsewhere, in dependency order.
/// </summary>
internal sealed partial class ScaffoldPlan
{
    private readonly DatabaseCatalog _catalog;
    private readonly IReadOnlySet<string> _schemas;
    private readonly SchemaSql _sql;
    private readonly FluentWriter _fluent;
    private readonly List<ScaffoldStep> _steps = [];

    private ScaffoldPlan(DatabaseCatalog catalog, IReadOnlySet<string> schemas)
    {
        _catalog = catalog;
        _schemas = schemas;
        _sql = new SchemaSql(catalog);
        _fluent = new FluentWriter(catalog, _sql);
    }

    public List<string> Warnings { get; } = [];

    /// <summary>How many objects of each kind the plan recreates ("tables" → 12), for the report.</summary>
    public SortedDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    public bool HasRoutines { get; private set; }

    public static (IReadOnlyList<ScaffoldStep> Steps, ScaffoldPlan Plan) Build(DatabaseCatalog catalog, IReadOnlySet<string> schemas)
    {
        var plan = new ScaffoldPlan(catalog, schemas);
        plan.AddSchemas();
        plan.AddTypesAndSequences();
        plan.AddRoutines();
        foreach (var relation in catalog.Relations.Where(relation => schemas.Contains(relation.Schema)))
        {
            plan.AddRelation(relation);
        }

        plan.AddDefaultPrivileges();
        var steps = plan.WithDependencies().Select(step => new DependencyOrder.Item<ScaffoldStep>(step, step.Phase, step.Describes, step.Provides, step.DependsOn)).ToList();
        return (DependencyOrder.Sort(steps, plan.Warnings.Add), plan);
    }

    private void AddSchemas()
    {
        foreach (var schema in _catalog.Schemas.Where(schema => _schemas.Contains(schema.Name)))
        {
            // The connection's own schema exists before any migration runs (deploy creates it for its history).
            if (schema.Name != _catalog.DefaultSchema && schema.Name != "public")
            {
                Step(SchemaPhase.Schema, $"schema {schema.Name}", "schemas").Fluent(_fluent.Schema(schema)).Provides.Add($"n:{schema.Oid}");
            }

            Decorate(_sql.Target(schema), schema, $"n:{schema.Oid}");
        }

        foreach (var extension in _catalog.Extensions.Where(extension => _schemas.Contains(extension.Schema) && extension.Name != "plpgsql"))
        {
            Step(SchemaPhase.Extension, $"extension {extension.Name}", "extensions").Sql(_sql.CreateExtension(extension)).Provides.Add($"x:{extension.Oid}");
        }

        foreach (var collation in _catalog.Collations.Where(collation => _schemas.Contains(collation.Schema)))
        {
            Step(SchemaPhase.Collation, $"collation {collation.QualifiedName}", "collations").Sql(_sql.CreateCollation(collation)).Provides.Add($"l:{collation.Oid}");
            Decorate(_sql.Target(collation), collation, $"l:{collation.Oid}");
        }
    }

    private void AddTypesAndSequences()
    {
        foreach (var type in _catalog.Types.Where(type => _schemas.Contains(type.Schema)))
        {
            var target = _sql.Target(type);
            Step(SchemaPhase.Type, target.Describe, type.Kind switch { CatalogTypeKind.Enum => "enums", CatalogTypeKind.Domain => "domains", _ => "composite types" })
                .Sql(_sql.CreateType(type)).Provides.Add($"t:{type.Oid}");
            Decorate(target, type, $"t:{type.Oid}");
        }

        foreach (var sequence in _catalog.Sequences.Where(sequence => _schemas.Contains(sequence.Schema) && !sequence.IsIdentity))
        {
            var step = Step(SchemaPhase.Sequence, $"sequence {sequence.QualifiedName}", "sequences");
            if (_fluent.Sequence(sequence) is { } fluent)
            {
                step.Fluent(fluent);
            }
            else
            {
                step.Sql(_sql.CreateSequence(sequence));
            }

            step.Provides.Add($"r:{sequence.Oid}");
            if (sequence.OwnedBy is { } ownedBy)
            {
                var owned = Step(SchemaPhase.SequenceOwnership, $"ownership of sequence {sequence.QualifiedName}", null).Sql(_sql.SequenceOwnedBy(sequence));
                owned.DependsOn.UnionWith([$"r:{sequence.Oid}", $"r:{ownedBy.Table}"]);
            }

            Decorate(_sql.Target(sequence), sequence, $"r:{sequence.Oid}");
        }
    }

    private void AddRoutines()
    {
        foreach (var routine in _catalog.Routines.Where(routine => _schemas.Contains(routine.Schema)))
        {
            var target = _sql.Target(routine);
            if (routine.Kind == 'a' && routine.Definition.Contains("ORDERED-SET", StringComparison.Ordinal))
            {
                Warnings.Add($"{target.Describe} is an ordered-set aggregate, which scaffold does not write; add it to the migration by hand.");
                continue;
            }

            HasRoutines = true;
            Step(SchemaPhase.Routine, target.Describe, routine.KindName + "s").Sql(_sql.CreateRoutine(routine)).Provides.Add($"p:{routine.Oid}");
            Decorate(target, routine, $"p:{routine.Oid}");
        }
    }

    private void AddDefaultPrivileges()
    {
        foreach (var defaults in _catalog.DefaultPrivileges.Where(defaults => defaults.Grants.Count > 0 && (defaults.Schema is null || _schemas.Contains(defaults.Schema))))
        {
            Step(SchemaPhase.DefaultPrivileges, $"default privileges of {defaults.Role} on {defaults.ObjectTypeName}", null).Sql(_sql.GrantDefaults(defaults));
        }
    }

    /// <summary>The comment, grants and owner of an object, after it.</summary>
    private void Decorate(SqlTarget target, CatalogObject item, string id)
    {
        var statements = new List<string>();
        if (item.Comment is not null)
        {
            statements.Add(_sql.Comment(target, item.Comment));
        }

        statements.AddRange(_sql.GrantFromDefaults(target, item));
        if (_catalog.OwnerIsNews(item))
        {
            statements.Add(_sql.Owner(target, item.Owner));
        }

        if (statements.Count > 0)
        {
            Step(SchemaPhase.Comment, $"comment and privileges of {target.Describe}", null).Sql(statements).DependsOn.Add(id);
        }
    }

    private ScaffoldStep Step(SchemaPhase phase, string describes, string? counted)
    {
        var step = new ScaffoldStep(phase, describes);
        _steps.Add(step);
        if (counted is not null)
        {
            Counts[counted] = Counts.GetValueOrDefault(counted) + 1;
        }

        return step;
    }

    /// <summary>PostgreSQL's recorded dependencies (view → table, default → sequence, function → type …) on top of the steps' own.</summary>
    private List<ScaffoldStep> WithDependencies()
    {
        var byId = new Dictionary<string, ScaffoldStep>(StringComparer.Ordinal);
        foreach (var step in _steps)
        {
            foreach (var id in step.Provides)
            {
                byId.TryAdd(id, step);
            }
        }

        foreach (var (from, to) in _catalog.Dependencies)
        {
            if (byId.TryGetValue(from, out var step))
            {
                step.DependsOn.Add(to);
            }
        }

        return _steps;
    }
}
