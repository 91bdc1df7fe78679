using System.Globalization;
using System.Text;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Create;

/// <summary>Where a new migration file goes, what it is called, and writing it without ever overwriting one.</summary>
internal static class MigrationFile
{
    /// <summary>--project-dir, or the current directory; it must exist.</summary>
    public static string ProjectDirectory(string? option)
    {
        var directory = Path.GetFullPath(option ?? Directory.GetCurrentDirectory());
        return Directory.Exists(directory) ? directory : throw BundleFailure.Usage($"The project directory '{directory}' does not exist.");
    }

    /// <summary>The project's Migrations folder, once it is certain no migration there already has this class name.</summary>
    public static string RefuseTakenName(string directory, string className)
    {
        var migrationsDirectory = Path.Combine(directory, "Migrations");
        var existing = Directory.Exists(migrationsDirectory)
            ? Directory.EnumerateFiles(migrationsDirectory, "*_" + className + ".cs", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        if (existing is not null)
        {
            throw new BundleFailure(Outcome.Refused, $"A migration named {className} already exists ({Path.GetRelativePath(directory, existing)}). Choose another name.");
        }

        return migrationsDirectory;
    }

    /// <summary>
    /// The timestamp of <paramref name="now"/>, one second later for each migration file that already starts with it:
    /// two 'create' calls in the same second must not write two migrations with one version (PGM100).
    /// </summary>
    public static string FreeVersion(string migrationsDirectory, DateTime now)
    {
        for (var candidate = now; ; candidate = candidate.AddSeconds(1))
        {
            var version = candidate.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            if (!Directory.Exists(migrationsDirectory) || !Directory.EnumerateFiles(migrationsDirectory, version + "_*", SearchOption.AllDirectories).Any())
            {
                return version;
            }
        }
    }

    /// <summary>
    /// The project file in the directory. A migration only counts inside a project: written anywhere else it would never
    /// be built or deployed.
    /// </summary>
    public static string ProjectFile(string directory, string verb) =>
        Directory.EnumerateFiles(directory, "*.csproj").FirstOrDefault()
        ?? throw BundleFailure.Usage($"No project file (*.csproj) in {directory}: run '{verb}' in the migrations project's folder, or pass --project-dir.");

    /// <summary>The project's root namespace guessed from its .csproj name ("Shop.Migrations"), with ".Migrations" added when missing.</summary>
    public static string NamespaceFor(string project)
    {
        var root = Path.GetFileNameWithoutExtension(project);
        var safe = string.Join('.', root.Split('.').Select(part => new string(part.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray())).Select(part => char.IsDigit(part[0]) ? "_" + part : part));
        return safe.EndsWith(".Migrations", StringComparison.Ordinal) || safe == "Migrations" ? safe : safe + ".Migrations";
    }

    /// <summary>Writes a new file (UTF-8, no BOM), creating its folder; refuses when it exists.</summary>
    public static void WriteNew(string projectDirectory, string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.Write(content);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new BundleFailure(Outcome.Refused, $"{Path.GetRelativePath(projectDirectory, path)} already exists; it was not overwritten.");
        }
    }
}
