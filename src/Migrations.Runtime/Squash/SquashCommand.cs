using System.Globalization;
using Migrations.Runtime.Create;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Postgres;
using Migrations.Runtime.Scaffold;

namespace Migrations.Runtime.Squash;

/// <summary>
/// squash --to V: replaces the project's migrations up to V by one migration that recreates the schema they produce
/// (applied to a throwaway database, then scaffolded), which carries their versions (<see cref="SquashesAttribute"/>)
/// and takes V's. Databases that ran them are reconciled, not re-run; new ones run the squash, then the rest.
/// </summary>
public static class SquashCommand
{
    public static async Task<Outcome> RunAsync(BundleContext context, string? connection, long to, string? projectDirectory, string name, CancellationToken cancellationToken)
    {
        var bundle = context.Migrations;
        var target = bundle.Get(to);
        var squashed = bundle.Migrations.Where(migration => migration.Version <= to).ToList();
        if (squashed.Count < 2)
        {
            throw BundleFailure.Usage($"Only {target.DisplayName} is at or below {to}: squash needs at least two migrations to replace.");
        }

        var directory = MigrationFile.ProjectDirectory(projectDirectory);
        var project = MigrationFile.ProjectFile(directory, "squash");

        var className = CreateCommand.ToClassName(name);
        var replacedFiles = SquashedFiles.Find(directory, squashed.Select(migration => migration.Version).ToList());
        var path = Path.Combine(directory, "Migrations", $"{to}_{className}.cs");
        var taken = Directory.EnumerateFiles(directory, $"*_{className}.cs", SearchOption.AllDirectories).Where(file => !replacedFiles.Contains(file)).ToList();
        if (taken.Count > 0)
        {
            throw new BundleFailure(Outcome.Refused, $"A migration named {className} stays in the project ({Path.GetRelativePath(directory, taken[0])}). Choose another name with --name. Nothing was changed.");
        }

        // Every version the squash stands for: those it replaces now, and those an earlier squash among them replaced.
        var versions = squashed.SelectMany(migration => migration.Squashes.Append(migration.Version)).Distinct().Order().ToList();
        ScaffoldedMigration migration;
        await using (var server = ScratchServer.OnConnectionOrPrivateCluster(connection, context.Progress, cancellationToken))
        {
            var schema = await ExpectedSchema.BuildAsync(context.Assembly, context.Actor, context.Progress, server, squashed, "squash", cancellationToken, withDependencies: true);
            var catalog = schema.Catalog;
            var header = $"Squash of {squashed.Count} migration(s), {squashed[0].Version} to {to}: the schema they produce, as scaffold wrote it {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.\n"
                + "Databases that ran them count it as applied (it takes the version of the newest); new databases run it instead of them.";
            migration = ScaffoldedMigration.Write(catalog, catalog.Schemas.Select(item => item.Name).ToHashSet(StringComparer.Ordinal), target.Type.Namespace ?? MigrationFile.NamespaceFor(project),
                className, to, $"squash of {squashed.Count} migrations up to {to}", header, versions);
        }

        // The new file first: a failure here leaves the old migrations in place.
        var staging = path + ".squash";
        MigrationFile.WriteNew(directory, staging, migration.Source);
        foreach (var file in replacedFiles)
        {
            if (Directory.Exists(file))
            {
                Directory.Delete(file, recursive: true);
            }
            else
            {
                File.Delete(file);
            }
        }

        File.Move(staging, path);
        foreach (var warning in migration.Warnings)
        {
            context.Progress.Warn(warning);
        }

        Report(context, directory, path, squashed.Count, versions, replacedFiles, migration);
        return Outcome.Success;
    }

    private static void Report(BundleContext context, string directory, string path, int count, IReadOnlyList<long> versions, IReadOnlyList<string> removed, ScaffoldedMigration migration)
    {
        var relative = removed.Select(file => Path.GetRelativePath(directory, file)).ToList();
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { created = path, squashes = versions, removed = relative, objects = migration.Counts, fluentStatements = migration.FluentStatements, sqlStatements = migration.SqlStatements, warnings = migration.Warnings });
            return;
        }

        context.Output.WriteLine($"Squashed {count} migration(s) into {Path.GetRelativePath(directory, path)}: {migration.Summary} ({migration.FluentStatements} fluent statement(s), {migration.SqlStatements} Execute.Sql).");
        context.Output.WriteLine($"Removed {string.Join(", ", relative)}.");
        NextSteps.Write(context.Output,
            ("dotnet build", "its entry in migrations.lock.json replaces the squashed ones (commit the lock file with this change)"),
            ("deploy as usual", "databases that ran the squashed migrations run none of them again; new databases run the squash"));
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Databases that ran only some of them must first deploy the rest up to {versions[^1]} with the bundle from before the squash."));
    }
}
