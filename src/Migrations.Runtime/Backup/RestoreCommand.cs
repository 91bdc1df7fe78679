using Migrations.Runtime.Cli;
using Migrations.Runtime.Connection;
using Migrations.Runtime.Output;
using Migrations.Runtime.Proving;
using Npgsql;

namespace Migrations.Runtime.Backup;

/// <summary>
/// restore FILE: pg_restore of a backup into the --connection database; --create makes it first, and a database
/// that already holds objects is only overwritten with --force (its objects are dropped and restored).
/// </summary>
public static class RestoreCommand
{
    public static async Task<int> RunAsync(BundleContext context, string? connection, string file, bool create, bool force, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw BundleException.Usage($"Backup file {file} does not exist. Pass the path of a file written by 'backup'.");
        }

        var settings = BundleContext.ResolveConnection(connection);
        // With --create the target does not exist yet: ask the maintenance database instead.
        int serverMajor;
        try
        {
            serverMajor = await PostgresClientEnvironment.ServerMajorVersionAsync(create ? settings.ForDatabase("postgres") : settings, cancellationToken);
        }
        catch (BundleException missing) when (!create && missing.InnerException is PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName })
        {
            throw new BundleException(ExitCodes.CannotConnect, $"Database '{settings.Database}' does not exist on {settings.Host}:{settings.Port}. Add --create to restore into a new database of that name.", missing);
        }

        var entries = DatabaseBackup.ArchiveEntries(file, serverMajor);
        if (create)
        {
            await CreateDatabaseAsync(settings, cancellationToken);
        }
        else
        {
            var objects = await CountObjectsAsync(settings, cancellationToken);
            if (objects > 0 && !force)
            {
                throw new BundleException(ExitCodes.Refused, $"Database {settings.Description} is not empty ({objects} tables, views or sequences). Pass --force to replace its contents, or restore into a new database with --create.");
            }
        }

        context.Progress.Info($"Restoring {file} ({entries} archive entries) into {settings.Description}.");
        var arguments = PostgresClientEnvironment.Arguments(settings)
            .Concat(["--dbname", PostgresClientEnvironment.DatabaseArgument(settings.Database), "--no-owner", "--exit-on-error"])
            .Concat(force && !create ? ["--clean", "--if-exists"] : [])
            .Append(Path.GetFullPath(file)).ToList();
        var restore = ExternalProcess.Run(PostgresTools.FindAtLeast("pg_restore", serverMajor), arguments, PostgresClientEnvironment.Variables(settings));
        if (restore.ExitCode != 0)
        {
            throw new BundleException(ExitCodes.ToolFailed, $"pg_restore into {settings.Description} failed ({restore.FirstErrorLine}). The database may be partly restored: fix the cause and restore again with --force.");
        }

        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { database = settings.Description, file = Path.GetFullPath(file), created = create, entries });
        }
        else
        {
            context.Output.WriteLine($"Restored {file} into {settings.Description}{(create ? " (created)" : string.Empty)}.");
        }

        return ExitCodes.Success;
    }

    private static async Task CreateDatabaseAsync(ConnectionSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(settings.ForDatabase("postgres").ConnectionString);
        await connection.OpenAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"CREATE DATABASE {History.HistoryStore.Quote(settings.Database)}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            throw new BundleException(ExitCodes.Refused, $"Database {settings.Description} already exists. Restore into it without --create (add --force if it is not empty), or name a new database.", exception);
        }
    }

    private static async Task<long> CountObjectsAsync(ConnectionSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
                """, connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception exception) when (ConnectionFailure.IsConnectionFailure(exception))
        {
            throw ConnectionFailure.Describe(exception, settings);
        }
    }
}
