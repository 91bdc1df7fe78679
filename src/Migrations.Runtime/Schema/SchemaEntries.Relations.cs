using Migrations.Runtime.Schema.Catalog;

namespace Migrations.Runtime.Schema;

/// <summary>Tables, views and materialized views, and everything that hangs off them.</summary>
internal sealed partial class SchemaEntries
{
    private void AddRelation(CatalogRelation relation)
    {
        var target = _sql.Target(relation);
        var key = target.Describe;
        if (relation.IsTable)
        {
            Add(key, TableDefinition(relation), SchemaPhase.Table, () => [_sql.CreateTable(relation)], () => [_sql.DropRelation(relation)],
                repair: live => [$"-- table {relation.QualifiedName} is now {live.Definition}, the migrations say {TableDefinition(relation)}: recreate it by hand (its data must move)"],
                ids: [$"r:{relation.Oid}", $"t:{relation.RowType}"]);
        }
        else
        {
            Add(key, relation.Query ?? string.Empty, SchemaPhase.View, () => [_sql.CreateView(relation)], () => [_sql.DropRelation(relation)],
                repair: relation.Kind == 'v' ? _ => [_sql.CreateView(relation, orReplace: true)] : null, ids: [$"r:{relation.Oid}", $"t:{relation.RowType}"]);
        }

        AddDecorations(key, target, relation);
        foreach (var column in relation.Columns)
        {
            AddColumn(relation, key, column);
        }

        foreach (var constraint in relation.Constraints)
        {
            AddConstraint(relation, key, constraint);
        }

        foreach (var index in relation.Indexes)
        {
            AddIndex(relation, key, index);
        }

        foreach (var trigger in relation.Triggers)
        {
            var triggerKey = $"trigger {relation.QualifiedName}.{trigger.Name}";
            var definition = trigger.Definition + trigger.Enabled switch { 'D' => " (disabled)", 'R' => " (enabled for replica)", 'A' => " (enabled always)", _ => string.Empty };
            var parent = trigger.IsInherited ? TriggerKey(trigger.ParentOid) : null;
            Add(triggerKey, definition, SchemaPhase.Trigger, () => _sql.CreateTrigger(relation, trigger), () => [_sql.DropTrigger(relation, trigger)],
                parent: parent ?? key, createdWithParent: parent is not null, ids: [$"g:{trigger.Oid}"]);
            AddComment(triggerKey, _sql.Target(relation, trigger), trigger.Comment);
        }

        foreach (var policy in relation.Policies)
        {
            var policyKey = $"policy {relation.QualifiedName}.{policy.Name}";
            Add(policyKey, _sql.PolicyClauses(policy), SchemaPhase.Policy, () => [_sql.CreatePolicy(relation, policy)], () => [_sql.DropPolicy(relation, policy)], parent: key, ids: [$"o:{policy.Oid}"]);
            AddComment(policyKey, _sql.Target(relation, policy), policy.Comment);
        }

        if (relation.RowLevelSecurity || relation.ForceRowLevelSecurity)
        {
            var state = string.Join(", ", new[] { relation.RowLevelSecurity ? "enabled" : null, relation.ForceRowLevelSecurity ? "forced" : null }.OfType<string>());
            Add($"row level security of {key}", state, SchemaPhase.RowSecurity,
                () => _sql.RowSecurity(relation, relation.RowLevelSecurity, relation.ForceRowLevelSecurity), () => _sql.RowSecurity(relation, false, false),
                repair: _ => _sql.RowSecurity(relation, relation.RowLevelSecurity, relation.ForceRowLevelSecurity), parent: key);
        }

        if (relation.Options.Count > 0)
        {
            var options = relation.Options.Order(StringComparer.Ordinal).ToList();
            Add($"{(relation.Kind == 'v' ? "options" : "storage parameters")} of {key}", string.Join(", ", options), SchemaPhase.Options,
                () => _sql.SetOptions(relation, options, []), () => _sql.SetOptions(relation, [], options),
                repair: live => _sql.SetOptions(relation, options, ((CatalogRelation)live.Source!).Options), parent: key, createdWithParent: true, source: relation);
        }
    }

    private static string TableDefinition(CatalogRelation table)
    {
        var definition = (table.IsUnlogged ? "unlogged " : string.Empty)
            + (table.PartitionKey is null ? "table" : $"partitioned table by {table.PartitionKey}");
        if (table.IsPartition)
        {
            return $"{definition}, partition of {table.Parents[0].Schema}.{table.Parents[0].Name} {table.PartitionBound}";
        }

        return table.Parents.Count == 0 ? definition : $"{definition} inheriting {string.Join(", ", table.Parents.Select(parent => $"{parent.Schema}.{parent.Name}"))}";
    }

    private void AddColumn(CatalogRelation relation, string relationKey, CatalogColumn column)
    {
        var target = _sql.Target(relation, column);
        var definition = column.Type
            + (column.Collation is null ? string.Empty : $" collate {column.Collation}")
            + (column.NotNull ? " not null" : " null")
            + (column.Default is null ? string.Empty : (column.IsGenerated ? " generated always as " : " default ") + column.Default)
            + column.Identity switch { 'a' => " generated always as identity", 'd' => " generated by default as identity", _ => string.Empty };
        Add(target.Describe, definition, SchemaPhase.Column,
            () => relation.IsTable ? [_sql.AddColumn(relation, column)] : [],
            () => relation.IsTable ? [_sql.DropColumn(relation, column)] : [],
            repair: live => relation.IsTable ? _sql.RepairColumn(relation, column, (CatalogColumn)live.Source!) : [],
            parent: relationKey, createdWithParent: !relation.IsTable || !column.IsLocal || relation.IsPartition, source: column);
        AddComment(target.Describe, target, column.Comment);
        AddGrants(target.Describe, target, column.Grants, column.Name);
    }

    private void AddConstraint(CatalogRelation relation, string relationKey, CatalogConstraint constraint)
    {
        var key = $"constraint {relation.QualifiedName}.{constraint.Name}";
        var parent = constraint.IsInherited ? ConstraintKey(constraint.ParentOid) ?? relationKey : relationKey;
        Add(key, constraint.Definition, constraint.Type == 'f' ? SchemaPhase.ForeignKey : SchemaPhase.Constraint,
            () => [_sql.AddConstraint(relation, constraint)], () => [_sql.DropConstraint(relation, constraint)], parent: parent, createdWithParent: constraint.IsInherited,
            ids: constraint.Type == 'f' ? [$"c:{constraint.Oid}"] : []);
        AddComment(key, _sql.Target(relation, constraint), constraint.Comment);
    }

    private void AddIndex(CatalogRelation relation, string relationKey, CatalogIndex index)
    {
        var key = $"index {index.Schema}.{index.Name}";
        // An index made by a key constraint comes and goes with it; a partition's index attached to its parent's is built by it.
        var constraint = index.BacksConstraint ? relation.Constraints.Find(item => item.IndexOid == index.Oid) : null;
        var parent = constraint is not null ? $"constraint {relation.QualifiedName}.{constraint.Name}"
            : index.ParentIndexOid != 0 ? IndexKey(index.ParentIndexOid) : null;
        Add(key, index.Definition + (index.IsValid ? string.Empty : " (INVALID)"), SchemaPhase.Index,
            () => [_sql.CreateIndex(index)], () => [_sql.DropIndex(index)], parent: parent ?? relationKey, createdWithParent: parent is not null, ids: [$"r:{index.Oid}"]);
        AddComment(key, _sql.Target(index), index.Comment);
    }

    private string? ConstraintKey(uint oid) =>
        catalog.Relations.SelectMany(table => table.Constraints.Select(constraint => (table, constraint))).Where(pair => pair.constraint.Oid == oid)
            .Select(pair => $"constraint {pair.table.QualifiedName}.{pair.constraint.Name}").FirstOrDefault();

    private string? TriggerKey(uint oid) =>
        catalog.Relations.SelectMany(table => table.Triggers.Select(trigger => (table, trigger))).Where(pair => pair.trigger.Oid == oid)
            .Select(pair => $"trigger {pair.table.QualifiedName}.{pair.trigger.Name}").FirstOrDefault();

    private string? IndexKey(uint oid) =>
        catalog.Relations.SelectMany(table => table.Indexes).Where(index => index.Oid == oid).Select(index => $"index {index.Schema}.{index.Name}").FirstOrDefault();
}
