using Migrations.Runtime.Rendering;
using Migrations.Safety.Judging;
using Migrations.Safety.Rules;
using Migrations.Safety.Sql;

namespace Migrations.Runtime.BuildValidation;

/// <summary>
/// Holds the rendered migrations against migrations.lock.json. A shipped migration (at or below MigrationsShippedThrough or
/// MigrationsSafetyStartAfter) is guarded: its entry is never rewritten, and an edit or deletion is PGM200/PGM202.
/// Without MigrationsShippedThrough nothing says what production runs, so every recorded migration counts as shipped:
/// an unknown must not let an edit of a deployed migration through (the new-project template sets it to 0). One
/// that has not shipped follows the code: a local build records it afresh when it is edited, renamed, renumbered or
/// deleted, and says so; a locked build (CI) only checks, and reports a lock file that does not say what the code does
/// as PGM201. A squash (<see cref="SquashesAttribute"/>) replaces the entries of the migrations it squashed by its own.
/// </summary>
internal static class LockFileCheck
{
    public static LockFileResult Check(LockFile? existing, IReadOnlyList<RenderedMigration> migrations, bool locked, JudgeSettings shipped, Func<Type, SourceLocation?> locate)
    {
        var lockFile = existing ?? new LockFile();
        var diagnostics = new List<BuildDiagnostic>();
        var notes = new List<string>();
        var recorded = lockFile.Migrations.ToDictionary(entry => entry.Version);
        var present = migrations.Select(rendered => rendered.Migration.Version).ToHashSet();
        var squashed = migrations.SelectMany(rendered => rendered.Migration.Squashes).ToHashSet();
        bool Guarded(long version) => shipped.ShippedThrough is null || shipped.IsShipped(version);
        // An unshipped entry whose migration is gone leaves with it, so a renumbered migration is not "older than" its old self.
        var kept = lockFile.Migrations.Where(entry => present.Contains(entry.Version) || Guarded(entry.Version)).Select(entry => (long?)entry.Version);
        var newestKept = kept.DefaultIfEmpty().Max();
        var updated = new LockFile { Migrations = [.. lockFile.Migrations] };
        var added = new List<RenderedMigration>();

        foreach (var rendered in migrations)
        {
            var migration = rendered.Migration;
            var location = locate(migration.Type);
            var sql = Normalized(rendered.Up);
            // The lock still holds the migration this squash took the version of: the squash's own entry replaces it.
            var replacing = migration.IsSquash && recorded.TryGetValue(migration.Version, out var replaced) && replaced.Squashes is null;
            if (recorded.TryGetValue(migration.Version, out var entry) && !replacing)
            {
                var changed = entry.Checksum != rendered.Checksum || entry.Transaction != migration.TransactionBehavior;
                if (Guarded(migration.Version))
                {
                    if (changed)
                    {
                        var (line, expected, found) = FirstDifference(entry, sql, migration.TransactionBehavior);
                        diagnostics.Add(BuildDiagnostic.Of(RuleIds.LockedMigrationChanged, location, migration.Version, migration.Name, line, expected, found, ShippedBecause(shipped, migration.Version)));
                    }

                    continue;
                }

                if (!changed && entry.Name == migration.Name)
                {
                    continue;
                }

                var what = changed ? Difference(entry, sql, migration.TransactionBehavior) : $"renamed from '{entry.Name}'";
                if (locked)
                {
                    diagnostics.Add(BuildDiagnostic.Of(RuleIds.LockFileNotCurrent, location, changed
                        ? $"records other SQL for migration {migration.Version} '{migration.Name}', which has not shipped ({what}),"
                        : $"records migration {migration.Version}, which has not shipped, under its old name '{entry.Name}' (now '{migration.Name}')"));
                    continue;
                }

                Record(updated, rendered, sql);
                notes.Add($"re-recorded {migration.Version} '{migration.Name}' ({what})");
                continue;
            }

            if (locked)
            {
                diagnostics.Add(BuildDiagnostic.Of(RuleIds.LockFileNotCurrent, location, $"does not list migration {migration.Version} '{migration.Name}'"));
                continue;
            }

            // A squash sits where the migrations it replaced were, below later ones by design.
            if (newestKept is { } newest && migration.Version < newest && !migration.IsSquash)
            {
                diagnostics.Add(BuildDiagnostic.Of(RuleIds.VersionBelowLocked, location, migration.Version, migration.Name, newest));
            }

            Record(updated, rendered, sql);
            added.Add(rendered);
        }

        foreach (var entry in lockFile.Migrations.Where(entry => !present.Contains(entry.Version)))
        {
            if (squashed.Contains(entry.Version))
            {
                updated.Migrations.Remove(entry);
            }
            else if (Guarded(entry.Version))
            {
                diagnostics.Add(BuildDiagnostic.Of(RuleIds.LockedMigrationMissing, null, entry.Version, entry.Name));
            }
            else if (locked)
            {
                diagnostics.Add(BuildDiagnostic.Of(RuleIds.LockFileNotCurrent, null, $"still lists migration {entry.Version} '{entry.Name}', which has not shipped and no longer exists,"));
            }
            else
            {
                updated.Migrations.Remove(entry);
                // Renumbered: the same class (or the same SQL) under a new version, recorded above as a new migration.
                var successor = added.FirstOrDefault(rendered => rendered.Migration.Name == entry.Name || rendered.Checksum == entry.Checksum);
                notes.Add(successor is null
                    ? $"removed {entry.Version} '{entry.Name}' (no longer in the project)"
                    : $"re-recorded {entry.Version} '{entry.Name}' as {successor.Migration.Version} (renumbered)");
            }
        }

        return new LockFileResult(diagnostics, updated, notes.Count == 0 ? [] : [$"migrations.lock.json: {string.Join("; ", notes)}. Not shipped ({NotShippedBecause(shipped)}), so the lock file follows the code; commit it with the change."]);
    }

    private static void Record(LockFile lockFile, RenderedMigration rendered, IReadOnlyList<string> sql)
    {
        var migration = rendered.Migration;
        lockFile.Migrations.RemoveAll(entry => entry.Version == migration.Version);
        lockFile.Migrations.Add(new LockedMigration(migration.Version, migration.Name, migration.TransactionBehavior, rendered.Checksum, sql, migration.IsSquash ? migration.Squashes : null));
    }

    /// <summary>Which property makes the migration shipped, for PGM200.</summary>
    private static string ShippedBecause(JudgeSettings shipped, long version) => shipped.ShippedThrough switch
    {
        null when version > shipped.SafetyStartAfter => "MigrationsShippedThrough is not set, so every migration in the lock file counts as shipped; set it to the newest version production runs, and newer migrations follow the code",
        long through when version <= through => $"at or below MigrationsShippedThrough {through}",
        _ => $"at or below MigrationsSafetyStartAfter {shipped.SafetyStartAfter}",
    };

    private static string NotShippedBecause(JudgeSettings shipped) => $"above MigrationsShippedThrough {shipped.ShippedThrough}";

    private static List<string> Normalized(IEnumerable<string> statements) =>
        statements.Select(SqlNormalizer.Normalize).Where(text => text.Length > 0).ToList();

    private static string Difference(LockedMigration entry, IReadOnlyList<string> current, FluentMigrator.TransactionBehavior transaction)
    {
        var (line, expected, found) = FirstDifference(entry, current, transaction);
        return line == 0 ? $"was {expected}, now {found}" : $"first difference at line {line}: was '{expected}', now '{found}'";
    }

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
