using System.Text;
using Migrations.Runtime.Schema;

namespace Migrations.Runtime.Drift;

/// <summary>
/// The SQL that would turn the live schema into the one the migrations produce, for a person to review and run: drops
/// of what the migrations do not have (not of what goes with an object dropped anyway), changes made in place where
/// PostgreSQL can (ALTER COLUMN, CREATE OR REPLACE, GRANT/REVOKE, COMMENT), a drop and a create for the rest, and
/// creates of what is missing (not of what its parent's CREATE makes). One transaction; never run by the bundle.
/// </summary>
public static class RepairScript
{
    public static string Write(SchemaSnapshot expected, SchemaSnapshot live, IReadOnlyList<SchemaDifference> differences, string header)
    {
        var drops = new List<SchemaEntry>();
        var creates = new List<SchemaEntry>();
        var repairs = new List<(SchemaEntry Expected, SchemaEntry Live)>();
        foreach (var difference in differences)
        {
            var wanted = expected.Entries.GetValueOrDefault(difference.Object);
            var found = live.Entries.GetValueOrDefault(difference.Object);
            switch (difference.Kind)
            {
                case SchemaDifferenceKind.Missing:
                    creates.Add(wanted!);
                    break;
                case SchemaDifferenceKind.Extra:
                    drops.Add(found!);
                    break;
                case SchemaDifferenceKind.Changed when wanted!.Repair is not null:
                    repairs.Add((wanted, found!));
                    break;
                default:
                    drops.Add(found!);
                    creates.Add(wanted!);
                    // Dropping an object drops its comment, grants and what else hangs off it: give those back too.
                    creates.AddRange(Descendants(expected, wanted!.Key).Where(child => !child.CreatedWithParent));
                    break;
            }
        }

        var dropped = drops.Select(entry => entry.Key).ToHashSet(StringComparer.Ordinal);
        var created = creates.Select(entry => entry.Key).ToHashSet(StringComparer.Ordinal);
        var script = new StringBuilder(header);
        script.Append("BEGIN;\n");
        script.Append($"SET LOCAL search_path = {expected.Catalog.Quote(expected.Catalog.DefaultSchema)};\n");
        script.Append("SET LOCAL check_function_bodies = off;\n");
        foreach (var entry in drops.Where(entry => !HasAncestor(live, entry, dropped)).OrderByDescending(entry => entry.Phase).ThenBy(entry => entry.Key, StringComparer.Ordinal))
        {
            Append(script, $"{(created.Contains(entry.Key) ? "changed" : "extra")} {entry.Key}: drop it", entry.Drop());
        }

        var forward = creates.DistinctBy(entry => entry.Key).Where(entry => !(entry.CreatedWithParent && entry.Parent is not null && created.Contains(entry.Parent)))
            .Select(entry => (Entry: entry, Title: $"{(dropped.Contains(entry.Key) ? "changed" : "missing")} {entry.Key}: create it", Statements: (Func<IEnumerable<string>>)entry.Create))
            .Concat(repairs.Select(pair => (Entry: pair.Expected, Title: $"changed {pair.Expected.Key}: alter it", Statements: (Func<IEnumerable<string>>)(() => pair.Expected.Repair!(pair.Live)))))
            .OrderBy(action => action.Entry.Phase).ThenBy(action => action.Entry.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var (_, title, statements) in DependencyOrder.Sort(forward.Select(action => Ordered(action, action.Entry, expected)).ToList(), warning => script.Append("-- ").Append(warning).Append('\n')))
        {
            Append(script, title, statements());
        }

        return script.Append("\nCOMMIT;\n").ToString();
    }

    /// <summary>An action placed after the objects it depends on (PostgreSQL's dependencies of the expected schema) and after its parent.</summary>
    private static DependencyOrder.Item<T> Ordered<T>(T action, SchemaEntry entry, SchemaSnapshot expected)
    {
        var dependsOn = expected.Catalog.Dependencies.Where(edge => entry.Ids.Contains(edge.From)).Select(edge => edge.To).ToList();
        if (entry.Parent is not null)
        {
            dependsOn.Add("key:" + entry.Parent);
        }

        return new DependencyOrder.Item<T>(action, entry.Phase, entry.Key, entry.Ids.Append("key:" + entry.Key), dependsOn);
    }

    private static IEnumerable<SchemaEntry> Descendants(SchemaSnapshot snapshot, string key) =>
        snapshot.Entries.Values.Where(entry => entry.Parent == key).SelectMany(child => Descendants(snapshot, child.Key).Prepend(child));

    private static bool HasAncestor(SchemaSnapshot snapshot, SchemaEntry entry, IReadOnlySet<string> keys)
    {
        for (var parent = entry.Parent; parent is not null; parent = snapshot.Entries.GetValueOrDefault(parent)?.Parent)
        {
            if (keys.Contains(parent))
            {
                return true;
            }
        }

        return false;
    }

    private static void Append(StringBuilder script, string title, IEnumerable<string> statements)
    {
        script.Append("\n-- ").Append(title).Append('\n');
        foreach (var statement in statements)
        {
            script.Append(statement).Append(statement.StartsWith("--", StringComparison.Ordinal) ? "\n" : ";\n");
        }
    }
}
