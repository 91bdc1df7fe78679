using Migrations.Runtime.Rendering;
using Migrations.Safety.Rules;
using Migrations.Safety.Sql;

namespace Migrations.Runtime.BuildValidation;

/// <summary>
/// Holds the rendered migrations against migrations.lock.json. A local build records new migrations; a locked build
/// (CI) only checks. An entry once recorded is never rewritten by the tool: edits of shipped migrations surface as PGM200.
/// The one exception is a squash (<see cref="SquashesAttribute"/>): the first local build after it replaces the entries
/// of the migrations it squashed by its own, which lists their versions; until then a locked build reports it as PGM201.
/// </summary>
internal static class LockFileCheck
{
    public static (IReadOnlyList<BuildDiagnostic> Diagnostics, LockFile Updated) Check(LockFile? existing, IReadOnlyList<RenderedMigration> migrations, bool locked, Func<Type, SourceLocation?> locate)
    {
        var lockFile = existing ?? new LockFile();
        var diagnostics = new List<BuildDiagnostic>();
        var recorded = lockFile.Migrations.ToDictionary(entry => entry.Version);
        var newestRecorded = recorded.Count == 0 ? (long?)null : recorded.Keys.Max();
        var present = new HashSet<long>();
        var updated = new LockFile { Migrations = [.. lockFile.Migrations] };
        var squashed = migrations.SelectMany(rendered => rendered.Migration.Squashes).ToHashSet();

        foreach (var rendered in migrations)
        {
            var migration = rendered.Migration;
            present.Add(migration.Version);
            var location = locate(migration.Type);
            var sql = Normalized(rendered.Up);
            // The lock still holds the migration this squash took the version of: the squash's own entry replaces it.
            var replacing = migration.IsSquash && recorded.TryGetValue(migration.Version, out var replaced) && replaced.Squashes is null;
            if (recorded.TryGetValue(migration.Version, out var entry) && !replacing)
            {
                if (entry.Checksum != rendered.Checksum || entry.Transaction != migration.TransactionBehavior)
                {
                    var (line, expected, found) = FirstDifference(entry, sql, migration.TransactionBehavior);
                    diagnostics.Add(BuildDiagnostic.Of(RuleIds.LockedMigrationChanged, location, migration.Version, migration.Name, line, expected, found));
                }

                continue;
            }

            if (locked)
            {
                diagnostics.Add(BuildDiagnostic.Of(RuleIds.LockFileNotCurrent, location, migration.Version, migration.Name));
                continue;
            }

            // A squash sits where the migrations it replaced were, below later ones by design.
            if (newestRecorded is { } newest && migration.Version < newest && !migration.IsSquash)
            {
                diagnostics.Add(BuildDiagnostic.Of(RuleIds.VersionBelowLocked, location, migration.Version, migration.Name, newest));
            }

            updated.Migrations.RemoveAll(locked => locked.Version == migration.Version);
            updated.Migrations.Add(new LockedMigration(migration.Version, migration.Name, migration.TransactionBehavior, rendered.Checksum, sql, migration.IsSquash ? migration.Squashes : null));
        }

        foreach (var entry in lockFile.Migrations.Where(entry => !present.Contains(entry.Version)))
        {
            if (squashed.Contains(entry.Version))
            {
                updated.Migrations.Remove(entry);
                continue;
            }

            diagnostics.Add(BuildDiagnostic.Of(RuleIds.LockedMigrationMissing, null, entry.Version, entry.Name));
        }

        return (diagnostics, updated);
    }

    private static List<string> Normalized(IEnumerable<string> statements) =>
        statements.Select(SqlNormalizer.Normalize).Where(text => text.Length > 0).ToList();

    private static (int Line, string Expected, string Found) FirstDifference(LockedMigration entry, IReadOnlyList<string> current, FluentMigrator.TransactionBehavior transaction)
    {
        if (entry.Transaction != transaction)
        {
            return (0, $"TransactionBehavior.{entry.Transaction}", $"TransactionBehavior.{transaction}");
        }

        var locked = entry.Sql.SelectMany(statement => statement.Split('\n')).ToList();
        var now = current.SelectMany(statement => statement.Split('\n')).ToList();
        for (var index = 0; index < Math.Max(locked.Count, now.Count); index++)
        {
            var expected = index < locked.Count ? locked[index] : "(nothing)";
            var found = index < now.Count ? now[index] : "(nothing)";
            if (expected != found)
            {
                var at = FirstDifferingCharacter(expected, found);
                return (index + 1, Excerpt(expected, at), Excerpt(found, at));
            }
        }

        return (1, "(same SQL, different checksum scheme)", entry.Checksum);
    }

    private static int FirstDifferingCharacter(string left, string right)
    {
        var index = 0;
        while (index < left.Length && index < right.Length && left[index] == right[index])
        {
            index++;
        }

        return index;
    }

    /// <summary>Generated statements are long single lines: show the part around the change, not the start.</summary>
    private static string Excerpt(string text, int at)
    {
        const int Before = 40;
        const int After = 60;
        var start = Math.Max(0, at - Before);
        var end = Math.Min(text.Length, at + After);
        return (start > 0 ? "…" : string.Empty) + text[start..end] + (end < text.Length ? "…" : string.Empty);
    }
}
