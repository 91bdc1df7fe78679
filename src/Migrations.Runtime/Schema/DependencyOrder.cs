namespace Migrations.Runtime.Schema;

/// <summary>
/// Orders statements so that each comes after what it depends on, otherwise by phase (schemas, types, sequences,
/// routines, tables, views, indexes, keys, triggers, policies, comments, grants) and then as listed: the steps of a
/// scaffolded migration, the actions of drift --script. Dependencies name objects by id ("r:16400", see
/// <see cref="Catalog.CatalogQueries.Dependencies"/>); an id nothing provides is an object that exists already. A cycle,
/// which PostgreSQL's own dependencies cannot form but a column default calling a function over its own table can, is
/// broken at its earliest phase, and reported.
/// </summary>
internal static class DependencyOrder
{
    public sealed record Item<T>(T Value, SchemaPhase Phase, string Describes, IEnumerable<string> Provides, IEnumerable<string> DependsOn);

    public static List<T> Sort<T>(IReadOnlyList<Item<T>> steps, Action<string> warn)
    {
        var provider = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < steps.Count; index++)
        {
            foreach (var id in steps[index].Provides)
            {
                provider.TryAdd(id, index);
            }
        }

        var waitingFor = steps.Select((step, index) => step.DependsOn.Select(id => provider.GetValueOrDefault(id, -1)).Where(other => other >= 0 && other != index).ToHashSet()).ToList();
        var dependents = steps.Select(_ => new List<int>()).ToList();
        for (var index = 0; index < steps.Count; index++)
        {
            foreach (var other in waitingFor[index])
            {
                dependents[other].Add(index);
            }
        }

        var ready = new PriorityQueue<int, (int Phase, int Index)>();
        for (var index = 0; index < steps.Count; index++)
        {
            if (waitingFor[index].Count == 0)
            {
                ready.Enqueue(index, ((int)steps[index].Phase, index));
            }
        }

        var done = new bool[steps.Count];
        var ordered = new List<T>(steps.Count);
        while (ordered.Count < steps.Count)
        {
            if (!ready.TryDequeue(out var next, out _))
            {
                next = Enumerable.Range(0, steps.Count).Where(index => !done[index]).MinBy(index => ((int)steps[index].Phase, index));
                warn($"{steps[next].Describes} is part of a dependency cycle; it was placed before {string.Join(", ", waitingFor[next].Where(index => !done[index]).Select(index => steps[index].Describes))}. Check the order in the migration.");
            }

            if (done[next])
            {
                continue;
            }

            done[next] = true;
            ordered.Add(steps[next].Value);
            foreach (var dependent in dependents[next])
            {
                waitingFor[dependent].Remove(next);
                if (waitingFor[dependent].Count == 0 && !done[dependent])
                {
                    ready.Enqueue(dependent, ((int)steps[dependent].Phase, dependent));
                }
            }
        }

        return ordered;
    }
}
