using System.Globalization;
using System.Text;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Create;

/// <summary>create NAME: writes Migrations/&lt;yyyyMMddHHmmss&gt;_&lt;Name&gt;.cs of the project in the current directory (or --project-dir) from a template, never over an existing file.</summary>
public static class CreateCommand
{
    public static int Run(BundleContext context, string name, string? projectDirectory, DateTimeOffset now)
    {
        var className = ToClassName(name);
        var directory = Path.GetFullPath(projectDirectory ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(directory))
        {
            throw BundleException.Usage($"The project directory '{directory}' does not exist.");
        }

        // A migration only counts inside a project: written anywhere else it would never be built or deployed.
        var project = Directory.EnumerateFiles(directory, "*.csproj").FirstOrDefault()
            ?? throw BundleException.Usage($"No project file (*.csproj) in {directory}: run 'create' in the migrations project's folder, or pass --project-dir.");

        var migrationsDirectory = Path.Combine(directory, "Migrations");
        var existing = Directory.Exists(migrationsDirectory)
            ? Directory.EnumerateFiles(migrationsDirectory, "*_" + className + ".cs", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        if (existing is not null)
        {
            throw new BundleException(ExitCodes.Refused, $"A migration named {className} already exists ({Path.GetRelativePath(directory, existing)}). Choose another name.");
        }

        var version = FreeVersion(migrationsDirectory, now.UtcDateTime);
        var path = Path.Combine(migrationsDirectory, $"{version}_{className}.cs");
        Directory.CreateDirectory(migrationsDirectory);
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.Write(Template(NamespaceFor(project), version, className, name));
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new BundleException(ExitCodes.Refused, $"{Path.GetRelativePath(directory, path)} already exists; it was not overwritten.");
        }

        if (context.Json)
        {
            Output.JsonOutput.Write(context.Output, new { created = path, version = long.Parse(version, CultureInfo.InvariantCulture), name = className });
        }
        else
        {
            context.Output.WriteLine($"Created {Path.GetRelativePath(directory, path)} in {Path.GetFileName(project)} ({directory})");
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// The timestamp of <paramref name="now"/>, one second later for each migration file that already starts with it:
    /// two 'create' calls in the same second must not write two migrations with one version (PGM100).
    /// </summary>
    private static string FreeVersion(string migrationsDirectory, DateTime now)
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

    internal static string ToClassName(string name)
    {
        if (name.Any(character => !char.IsLetterOrDigit(character) && character is not (' ' or '_' or '-' or '.')))
        {
            throw BundleException.Usage($"'{name}' cannot name a migration class: use letters, digits, spaces or underscores, starting with a letter (for example add_glossary).");
        }

        var words = name.Split([' ', '_', '-', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new string(word.Where(char.IsLetterOrDigit).ToArray()))
            .Where(word => word.Length > 0)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]);
        var className = string.Concat(words);
        if (className.Length == 0 || !char.IsLetter(className[0]))
        {
            throw BundleException.Usage($"'{name}' cannot name a migration class: use letters, digits, spaces or underscores, starting with a letter (for example add_glossary).");
        }

        return className;
    }

    private static string NamespaceFor(string project)
    {
        var root = Path.GetFileNameWithoutExtension(project);
        var safe = string.Join('.', root.Split('.').Select(part => new string(part.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray())).Select(part => char.IsDigit(part[0]) ? "_" + part : part));
        return safe.EndsWith(".Migrations", StringComparison.Ordinal) || safe == "Migrations" ? safe : safe + ".Migrations";
    }

    private static string Template(string @namespace, string version, string className, string description) => $$"""
        using FluentMigrator;

        namespace {{@namespace}};

        [Migration({{version}}, "{{description}}")]
        public sealed class {{className}} : Migration
        {
            public override void Up()
            {
                // Expand first: add tables, nullable columns and concurrent indexes (in their own
                // migration with TransactionBehavior.None). The analyzers flag what would lock or break.
            }

            public override void Down()
            {
                // Undo exactly what Up() did, in reverse order.
            }
        }

        """;
}
