using Migrations.Runtime.Schema;
using Migrations.Runtime.Schema.Catalog;

namespace Migrations.Runtime.Scaffold;

/// <summary>Tables, views and materialized views, with their keys, indexes, triggers, policies, comments and grants.</summary>
internal sealed partial class ScaffoldPlan
{
    private void AddRelation(CatalogRelation relation)
    {
        var id = $"r:{relation.Oid}";
        var target = _sql.Target(relation);
        if (relation.IsTable)
        {
            AddTable(relation, id);
        }
        else
        {
            var view = Step(SchemaPhase.View, target.Describe, relation.Kind == 'm' ? "materialized views" : "views").Sql(_sql.CreateView(relation));
            view.Provides.UnionWith([id, $"t:{relation.RowType}"]);
        }

        Decorate(target, relation, id);
        var columnStatements = new List<string>();
        foreach (var column in relation.Columns.Where(column => column.IsLocal))
        {
            var columnTarget = _sql.Target(relation, column);
            if (column.Comment is not null)
            {
                columnStatements.Add(_sql.Comment(columnTarget, column.Comment));
            }

            columnStatements.AddRange(_sql.Grant(columnTarget, column.Grants, column.Name));
        }

        if (columnStatements.Count > 0)
        {
            Step(SchemaPhase.Comment, $"comments and privileges of the columns of {target.Describe}", null).Sql(columnStatements).DependsOn.Add(id);
        }

        foreach (var index in relation.Indexes.Where(index => !index.BacksConstraint))
        {
            AddIndex(relation, index);
        }

        foreach (var key in relation.Constraints.Where(key => key.Type == 'f' && !key.IsInherited))
        {
            var step = Step(SchemaPhase.ForeignKey, $"foreign key {relation.QualifiedName}.{key.Name}", "foreign keys");
            if (_fluent.ForeignKey(relation, key) is { } fluent)
            {
                step.Fluent(fluent);
            }
            else
            {
                step.Sql(_sql.AddConstraint(relation, key));
            }

            step.Provides.Add($"c:{key.Oid}");
            step.DependsOn.Add(id);
            Comment(step, _sql.Target(relation, key), key.Comment);
        }

        foreach (var trigger in relation.Triggers.Where(trigger => !trigger.IsInherited))
        {
            var step = Step(SchemaPhase.Trigger, $"trigger {relation.QualifiedName}.{trigger.Name}", "triggers").Sql(_sql.CreateTrigger(relation, trigger));
            step.Provides.Add($"g:{trigger.Oid}");
            step.DependsOn.Add(id);
            Comment(step, _sql.Target(relation, trigger), trigger.Comment);
        }

        foreach (var policy in relation.Policies)
        {
            var step = Step(SchemaPhase.Policy, $"policy {relation.QualifiedName}.{policy.Name}", "policies").Sql(_sql.CreatePolicy(relation, policy));
            step.Provides.Add($"o:{policy.Oid}");
            step.DependsOn.Add(id);
            Comment(step, _sql.Target(relation, policy), policy.Comment);
        }
    }

    /// <summary>The table with its columns, primary and unique keys, checks, storage parameters and row-level security.</summary>
    private void AddTable(CatalogRelation table, string id)
    {
        var step = Step(SchemaPhase.Table, $"table {table.QualifiedName}", table.IsPartition ? "partitions" : "tables");
        step.Provides.UnionWith([id, $"t:{table.RowType}"]);
        step.DependsOn.UnionWith(table.Parents.Select(parent => $"r:{parent.Oid}"));
        var keys = table.Constraints.Where(key => key.Type != 'f' && !key.IsInherited).ToList();
        var primaryKey = keys.Find(key => key.Type == 'p' && _fluent.IsPlainKey(key));
        var fluentTable = _fluent.Table(table, primaryKey);
        if (fluentTable is not null)
        {
            step.Fluent(fluentTable);
            if (primaryKey is not null && FluentWriter.InTableOrder(table, primaryKey.Columns))
            {
                keys.Remove(primaryKey);
            }

            if (table.Options.Count > 0)
            {
                step.Sql(_sql.SetOptions(table, table.Options, []));
            }
        }
        else
        {
            step.Sql(_sql.CreateTable(table));
        }

        foreach (var key in keys)
        {
            if (_fluent.Key(table, key) is { } fluent)
            {
                step.Fluent(fluent);
            }
            else
            {
                step.Sql(_sql.AddConstraint(table, key));
            }

            if (key.IndexOid != 0)
            {
                step.Provides.Add($"r:{key.IndexOid}");
            }

            Comment(step, _sql.Target(table, key), key.Comment);
        }

        if (table.RowLevelSecurity || table.ForceRowLevelSecurity)
        {
            step.Sql(_sql.RowSecurity(table, table.RowLevelSecurity, table.ForceRowLevelSecurity).Where((_, index) => index == 0 ? table.RowLevelSecurity : table.ForceRowLevelSecurity));
        }
    }

    private void AddIndex(CatalogRelation relation, CatalogIndex index)
    {
        var step = Step(SchemaPhase.Index, $"index {index.Schema}.{index.Name}", "indexes");
        if (_fluent.Index(relation, index) is { } fluent)
        {
            step.Fluent(fluent);
        }
        else
        {
            step.Sql(_sql.CreateIndex(index));
        }

        step.Provides.Add($"r:{index.Oid}");
        step.DependsOn.Add($"r:{relation.Oid}");
        // A partitioned table's index attaches the partitions' equal indexes when they exist, so it comes after them.
        step.DependsOn.UnionWith(_catalog.Relations.SelectMany(table => table.Indexes).Where(child => child.ParentIndexOid == index.Oid).Select(child => $"r:{child.Oid}"));
        Comment(step, _sql.Target(index), index.Comment);
    }

    private void Comment(ScaffoldStep step, SqlTarget target, string? comment)
    {
        if (comment is not null)
        {
            step.Sql(_sql.Comment(target, comment));
        }
    }
}
