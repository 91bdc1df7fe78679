using System;
using System.IO;
using System.Text.RegularExpressions;

namespace Migrations.Build.Tasks;

/// <summary>
/// One SQL-file migration as its path names it: Prisma's folder layout (<c>20241102000000_init/migration.sql</c>,
/// optional <c>down.sql</c> beside it) or the flat layout (<c>20241102000000_init.sql</c>, optional
/// <c>20241102000000_init.down.sql</c>).
/// </summary>
internal sealed class SqlMigrationFile
{
    private static readonly Regex VersionedName = new Regex(@"^(?<version>\d{8,14})_(?<name>[A-Za-z0-9_\-. ]+)$", RegexOptions.CultureInvariant);

    private SqlMigrationFile(long version, string name, string upPath, bool isDownScript)
    {
        Version = version;
        Name = name;
        Path = upPath;
        IsDownScript = isDownScript;
    }

    public long Version { get; }

    public string Name { get; }

    public string Path { get; }

    public bool IsDownScript { get; }

    /// <summary>Null when the path names no version: the caller reports PGM204 with the file.</summary>
    public static SqlMigrationFile? Parse(string path)
    {
        var fileName = System.IO.Path.GetFileName(path);
        var stem = System.IO.Path.GetFileNameWithoutExtension(path);
        if (string.Equals(fileName, "migration.sql", StringComparison.OrdinalIgnoreCase) || string.Equals(fileName, "down.sql", StringComparison.OrdinalIgnoreCase))
        {
            stem = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path)) ?? string.Empty;
            return Create(stem, path, string.Equals(fileName, "down.sql", StringComparison.OrdinalIgnoreCase));
        }

        var isDown = stem.EndsWith(".down", StringComparison.OrdinalIgnoreCase);
        return Create(isDown ? stem.Substring(0, stem.Length - ".down".Length) : stem, path, isDown);
    }

    private static SqlMigrationFile? Create(string stem, string path, bool isDown)
    {
        var match = VersionedName.Match(stem);
        return match.Success && long.TryParse(match.Groups["version"].Value, out var version)
            ? new SqlMigrationFile(version, match.Groups["name"].Value, path, isDown)
            : null;
    }

    /// <summary>"add_glossary" becomes "AddGlossary": the class name, which is what status shows.</summary>
    public string ClassName
    {
        get
        {
            var builder = new System.Text.StringBuilder();
            foreach (var word in Name.Split(new[] { '_', '-', '.', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1));
            }

            var className = Identifier.Part(builder.ToString()).TrimStart('_');
            return className.Length == 0 || char.IsDigit(className[0]) ? "Sql" + className : className;
        }
    }
}
