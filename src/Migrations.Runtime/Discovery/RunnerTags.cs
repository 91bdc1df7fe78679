using System.Reflection;
using FluentMigrator;
using Migrations.Safety;

namespace Migrations.Runtime.Discovery;

/// <summary>Which migrations a run selects by FluentMigrator's [Tags]: --tags, else the bundle's MigrationsTags, else none.</summary>
public static class RunnerTags
{
    public static IReadOnlyList<string> For(Assembly assembly, IReadOnlyList<string>? given) =>
        given is { Count: > 0 } ? given : Split(assembly.GetCustomAttribute<BundleTagsAttribute>()?.Tags);

    public static IReadOnlyList<string> Split(string? tags) =>
        (tags ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>FluentMigrator runs the type with these tags (its own tags, its base types' and interfaces').</summary>
    public static bool Runs(Type type, IReadOnlyList<string> runnerTags)
    {
        var tags = type.GetCustomAttributes<TagsAttribute>(inherit: true)
            .Concat(type.GetInterfaces().SelectMany(face => face.GetCustomAttributes<TagsAttribute>(inherit: true)))
            .Distinct()
            .Select(tag => (tag.Behavior == TagBehavior.RequireAll, (IReadOnlyCollection<string>)tag.TagNames.ToArray()))
            .ToList();
        return MigrationTagFilter.Runs(tags, runnerTags.ToArray());
    }
}
