using System.Text.RegularExpressions;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Squash;

/// <summary>
/// The source files of the migrations a squash replaces: .cs files whose [Migration(…)] versions are all squashed, and
/// .sql migrations named by a squashed version (a Prisma-style folder goes whole). Anything ambiguous is refused before
/// a file is touched: a .cs file that also holds a migration that stays, or a squashed version no file declares.
/// </summary>
internal static partial class SquashedFiles
{
    public static IReadOnlyList<string> Find(string projectDirectory, IReadOnlyCollection<long> versions)
    {
        var found = new Dictionary<long, List<string>>();
        var mixed = new List<string>();
        foreach (var file in SourceFiles(projectDirectory, "*.cs"))
        {
            var declared = MigrationAttribute().Matches(File.ReadAllText(file)).Select(match => long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            if (declared.Count == 0 || !declared.Overlaps(versions))
            {
                continue;
            }

            if (!declared.IsSubsetOf(versions))
            {
                mixed.Add(Path.GetRelativePath(projectDirectory, file));
            }

            foreach (var version in declared.Where(versions.Contains))
            {
                found.TryAdd(version, []);
                found[version].Add(file);
            }
        }

        foreach (var file in SourceFiles(projectDirectory, "*.sql"))
        {
            // Migrations/<version>_<name>.sql (and .down.sql), or Migrations/<version>_<name>/migration.sql: the folder goes.
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            var (version, path) = SqlVersion().Match(Path.GetFileName(file)) is { Success: true } flat ? (flat.Groups[1].Value, file)
                : SqlVersion().Match(folder) is { Success: true } prisma ? (prisma.Groups[1].Value, Path.GetDirectoryName(file)!)
                : (null, file);
            if (version is not null && long.TryParse(version, out var number) && versions.Contains(number))
            {
                found.TryAdd(number, []);
                found[number].Add(path);
            }
        }

        if (mixed.Count > 0)
        {
            throw new BundleFailure(Outcome.Refused, $"{string.Join(", ", mixed)} also declare{(mixed.Count == 1 ? "s" : string.Empty)} migrations that are not squashed: move those to files of their own, then squash. Nothing was changed.");
        }

        var lost = versions.Where(version => !found.ContainsKey(version)).Order().ToList();
        if (lost.Count > 0)
        {
            throw new BundleFailure(Outcome.Refused, $"No file under {projectDirectory} declares migration {string.Join(", ", lost)}, so squash cannot replace it. Run squash in the project directory (or pass --project-dir). Nothing was changed.");
        }

        return found.Values.SelectMany(paths => paths).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> SourceFiles(string projectDirectory, string pattern) =>
        Directory.EnumerateFiles(projectDirectory, pattern, SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(projectDirectory, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    [GeneratedRegex(@"\[\s*(?:FluentMigrator\.)?Migration(?:Attribute)?\s*\(\s*(\d+)")]
    private static partial Regex MigrationAttribute();

    [GeneratedRegex(@"^(\d{8,})_")]
    private static partial Regex SqlVersion();
}
