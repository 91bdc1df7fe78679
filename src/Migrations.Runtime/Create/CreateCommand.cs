using System.Globalization;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Create;

/// <summary>create NAME: writes Migrations/&lt;yyyyMMddHHmmss&gt;_&lt;Name&gt;.cs of the project in the current directory (or --project-dir) from a template, never over an existing file.</summary>
public static class CreateCommand
{
    public static Outcome Run(BundleContext context, string name, string? projectDirectory, DateTimeOffset now)
    {
        var className = ToClassName(name);
        var directory = MigrationFile.ProjectDirectory(projectDirectory);
        var project = MigrationFile.ProjectFile(directory, "create");
        var migrationsDirectory = MigrationFile.RefuseTakenName(directory, className);
        var version = MigrationFile.FreeVersion(migrationsDirectory, now.UtcDateTime);
        var path = Path.Combine(migrationsDirectory, $"{version}_{className}.cs");
        MigrationFile.WriteNew(directory, path, Template(MigrationFile.NamespaceFor(project), version, className, name));

        if (context.Json)
        {
            Output.JsonOutput.Write(context.Output, new { created = path, version = long.Parse(version, CultureInfo.InvariantCulture), name = className });
        }
        else
        {
            context.Output.WriteLine($"Created {Path.GetRelativePath(directory, path)} in {Path.GetFileName(project)} ({directory})");
        }
        return Outcome.Success;
    }

    internal static string ToClassName(string name)
    {
        if (name.Any(character => !char.IsLetterOrDigit(character) && character is not (' ' or '_' or '-' or '.')))
        {
            throw BundleFailure.Usage($"'{name}' cannot name a migration class: use letters, digits, spaces or underscores, starting with a letter (for example add_glossary).");
        }

        var words = name.Split([' ', '_', '-', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new string(word.Where(char.IsLetterOrDigit).ToArray()))
            .Where(word => word.Length > 0)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]);
        var className = string.Concat(words);
        if (className.Length == 0 || !char.IsLetter(className[0]))
        {
            throw BundleFailure.Usage($"'{name}' cannot name a migration class: use letters, digits, spaces or underscores, starting with a letter (for example add_glossary).");
        }

        return className;
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
