using System.Globalization;
using Migrations.Runtime.Connection;
using Migrations.Runtime.Create;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Schema.Catalog;

namespace Migrations.Runtime.Scaffold;

/// <summary>
/// scaffold: reads a live database (read-only, no lock) and writes one migration that recreates its schemas, for a
/// project adopting an existing database. The next steps are build, then baseline on that database (which checks the
/// migration reproduces it before recording it as applied).
/// </summary>
public static class ScaffoldCommand
{
    public const string DefaultName = "Baseline";

    public static async Task<Outcome> RunAsync(BundleContext context, string? connection, IReadOnlyList<string> schemas, string? projectDirectory, string name, long? version, CancellationToken cancellationToken)
    {
        var settings = ConnectionStringParser.FromOptionOrDatabaseUrl(connection);
        var className = CreateCommand.ToClassName(name);
        var directory = MigrationFile.ProjectDirectory(projectDirectory);
        var project = MigrationFile.ProjectFile(directory, "scaffold");
        var migrationsDirectory = MigrationFile.RefuseTakenName(directory, className);
        var versionText = version?.ToString(CultureInfo.InvariantCulture) ?? MigrationFile.FreeVersion(migrationsDirectory, DateTime.UtcNow);
        var path = Path.Combine(migrationsDirectory, $"{versionText}_{className}.cs");
        if (version is { } chosen && context.Migrations.Contains(chosen))
        {
            throw BundleFailure.Usage($"--version {chosen} is already a migration of this bundle. Choose a version no migration has.");
        }

        DatabaseCatalog catalog;
        await using (var database = await ConnectionFailure.OpenAsync(settings, cancellationToken))
        {
            catalog = await CatalogReader.ReadAsync(database, settings.Schema, settings.Schema, withDependencies: true, cancellationToken);
        }

        var chosenSchemas = (schemas.Count == 0 ? [settings.Schema] : schemas).ToHashSet(StringComparer.Ordinal);
        var missing = chosenSchemas.Where(schema => !catalog.Schemas.Exists(existing => existing.Name == schema)).ToList();
        if (missing.Count > 0)
        {
            throw BundleFailure.Usage($"{settings.Description} has no schema {string.Join(", ", missing)}. Name schemas that exist (--schema), or leave it out for the connection's ({settings.Schema}).");
        }

        var header = $"The schema{(chosenSchemas.Count > 1 ? "s" : string.Empty)} {string.Join(", ", chosenSchemas.Order(StringComparer.Ordinal))} of database {settings.Database}, as scaffold read {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.\n"
            + "Fluent calls where FluentMigrator writes the object exactly, the SQL PostgreSQL prints for it elsewhere.\n"
            + "On the database it was read from, 'baseline' records it as applied; on an empty database it recreates the schema.";
        var migration = ScaffoldedMigration.Write(catalog, chosenSchemas, MigrationFile.NamespaceFor(project), className, long.Parse(versionText, CultureInfo.InvariantCulture),
            $"baseline of {settings.Database}", header);
        MigrationFile.WriteNew(directory, path, migration.Source);
        foreach (var warning in migration.Warnings)
        {
            context.Progress.Warn(warning);
        }

        Report(context, settings, directory, path, versionText, migration);
        return Outcome.Success;
    }

    private static void Report(BundleContext context, ConnectionSettings settings, string directory, string path, string version, ScaffoldedMigration migration)
    {
        var bundle = context.Assembly.GetName().Name ?? "bundle";
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new
            {
                database = settings.Description, created = path, version = long.Parse(version, CultureInfo.InvariantCulture), objects = migration.Counts,
                fluentStatements = migration.FluentStatements, sqlStatements = migration.SqlStatements, warnings = migration.Warnings,
                next = new[] { "dotnet build", $"{bundle} baseline {version}", $"{bundle} deploy" },
            });
            return;
        }

        context.Output.WriteLine($"Scaffolded {settings.Description} into {Path.GetRelativePath(directory, path)}: {migration.Summary} ({migration.FluentStatements} fluent statement(s), {migration.SqlStatements} Execute.Sql).");
        NextSteps.Write(context.Output,
            ("dotnet build", "compiles it into the bundle"),
            ($"{bundle} baseline {version}", "against this database: checks that the migration reproduces its schema, then records it as applied"),
            ($"{bundle} deploy", "on an empty database recreates the schema; later migrations deploy as usual"));
    }
}
