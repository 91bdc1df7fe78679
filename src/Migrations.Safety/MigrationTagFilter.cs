using System.Collections.Generic;
using System.Linq;

namespace Migrations.Safety;

/// <summary>
/// Whether FluentMigrator runs a migration with [Tags] for the tags a runner is given (its TypeHasMatchingTags, with
/// untagged migrations included as by default). The bundle, the build and the analyzers all ask this, so a migration
/// for another database's tag is neither run nor judged.
/// </summary>
public static class MigrationTagFilter
{
    /// <param name="tags">Each [Tags] of the migration (its base types' and interfaces' too): RequireAll or RequireAny, and its names.</param>
    /// <param name="runnerTags">The tags the bundle runs with (MigrationsTags, or --tags).</param>
    public static bool Runs(IReadOnlyCollection<(bool RequireAll, IReadOnlyCollection<string> Names)> tags, IReadOnlyCollection<string> runnerTags)
    {
        if (tags.Count == 0)
        {
            return true;
        }

        if (runnerTags.Count == 0)
        {
            return false;
        }

        var all = tags.Where(tag => tag.RequireAll).SelectMany(tag => tag.Names).ToList();
        if (all.Count > 0 && runnerTags.All(all.Contains))
        {
            return true;
        }

        var any = tags.Where(tag => !tag.RequireAll).SelectMany(tag => tag.Names).ToList();
        return any.Count > 0 && runnerTags.Any(any.Contains);
    }
}
