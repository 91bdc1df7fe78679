using System.Diagnostics;
using System.Text;
using Migrations.Runtime.Connection;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Postgres;
using Npgsql;
using static Migrations.Runtime.History.HistoryStore;

namespace Migrations.Runtime.Backup;

/// <summary>
/// An all-or-nothing restore. pg_restore never touches the database the application uses: it fills a new database
/// (same encoding, locale, grants, settings and owner), and only a restore that completed is swapped in under the
/// target's name, in one transaction (<see cref="DatabaseSwap"/>). A failure, Ctrl-C or kill at any point before
/// that leaves the target exactly as it was; after it, the target is exactly the archive's state — not the archive
/// laid over whatever was created since, which is what pg_restore --clean gives, and which fails halfway as soon as a
/// newer object depends on a restored one. The replaced database is kept under another name, never dropped unasked.
/// </summary>
internal sealed class DatabaseRestore(ConnectionSettings target, IProgressReporter progress)
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(10);

    private ConnectionSettings Maintenance => MaintenanceFor(target);

    /// <summary>Where a restore connects to create, rename and drop databases: never the target itself.</summary>
    public static ConnectionSettings MaintenanceFor(ConnectionSettings target) => target.ForDatabase(target.Database == "postgres" ? "template1" : "postgres");

    public async Task<RestoreOutcome> RunAsync(string archive, int serverMajor, bool create, bool force, CancellationToken cancellationToken)
    {
        await using var maintenance = await OpenAsync(Maintenance, cancellationToken);
        var current = await DatabaseProperties.ReadAsync(maintenance, target.Database, cancellationToken);
        var replaced = DatabaseContents.Empty;
        if (create && current is not null)
        {
            throw new BundleFailure(Outcome.Refused, $"Database {target.Description} already exists. Restore into it without --create (add --force if it is not empty), or name a new database.");
        }

        if (!create)
        {
            if (current is null)
            {
                throw new BundleFailure(Outcome.CannotConnect, $"Database '{target.Database}' does not exist on {target.Host}:{target.Port}. Add --create to restore into a new database of that name.");
            }

            replaced = await CountContentsAsync(cancellationToken);
            if (!replaced.IsEmpty && !force)
            {
                throw new BundleFailure(Outcome.Refused, $"Database {target.Description} is not empty ({replaced}). Pass --force to replace it (it is kept under another name), or restore into a new database with --create.");
            }

            await RefuseWithoutPrivilegesAsync(maintenance, cancellationToken);
        }

        // Read before anything is created: an unreadable archive is refused with nothing changed.
        var archiveEntries = DatabaseBackup.ArchiveEntries(archive, serverMajor);
        await LeftoverDatabases.WarnAsync(maintenance, Maintenance, progress, cancellationToken);
        var scratch = LeftoverDatabases.NewName("restore");
        progress.Info($"Restoring {archive} ({archiveEntries} archive entries) into the new database {scratch}; {target.Description} changes only once that is complete.");
        await CreateScratchAsync(maintenance, scratch, current, cancellationToken);
        var swapped = false;
        try
        {
            await RestoreIntoAsync(scratch, archive, serverMajor, archiveEntries, cancellationToken);
            if (current is null)
            {
                await DatabaseSwap.RenameAsync(maintenance, scratch, target.Database, cancellationToken);
                swapped = true;
                return new RestoreOutcome(archiveEntries, Created: true, ReplacedKeptAs: null, DatabaseContents.Empty, Disconnected: 0);
            }

            foreach (var statement in current.CopyStatements(scratch))
            {
                await ExecuteAsync(maintenance, statement, cancellationToken);
            }

            var keepAs = await FreeNameAsync(maintenance, current.Name, cancellationToken);
            var disconnected = await DatabaseSwap.ReplaceAsync(maintenance, target.Database, scratch, keepAs, current.Owner, cancellationToken);
            swapped = true;
            var keptAs = replaced.IsEmpty && await DropIfEmptyAsync(maintenance, keepAs) ? null : keepAs;
            return new RestoreOutcome(archiveEntries, Created: false, keptAs, replaced, disconnected);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            throw new BundleFailure(Outcome.Refused, $"Database {target.Description} was created by someone else while the archive was being restored. Nothing was changed; restore again without --create.", exception);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new BundleFailure(Outcome.Refused, $"PostgreSQL refused to give the restored database the properties of '{target.Database}' ({exception.MessageText}). Nothing was changed; restore as the database owner or a superuser.", exception);
        }
        finally
        {
            // Everything that did not end in a swap leaves only the scratch database behind: drop it.
            if (!swapped)
            {
                await DropQuietlyAsync(scratch);
            }
        }
    }

    private async Task RestoreIntoAsync(string scratch, string archive, int serverMajor, int archiveEntries, CancellationToken cancellationToken)
    {
        var arguments = PostgresClientEnvironment.Arguments(target)
            .Concat(["--dbname", PostgresClientEnvironment.DatabaseArgument(scratch), "--no-owner", "--exit-on-error", "--verbose", Path.GetFullPath(archive)])
            .ToList();
        var done = 0;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        bool Progress(string line)
        {
            // --verbose names every archive entry as pg_restore reaches it: that is the progress; everything else is kept.
            if (!line.StartsWith("pg_restore: ", StringComparison.Ordinal) || line.StartsWith("pg_restore: error", StringComparison.Ordinal) || line.StartsWith("pg_restore: warning", StringComparison.Ordinal))
            {
                return false;
            }

            done += line.StartsWith("pg_restore: creating ", StringComparison.Ordinal) || line.StartsWith("pg_restore: processing data", StringComparison.Ordinal) ? 1 : 0;
            if (clock.Elapsed - lastReport >= ReportEvery)
            {
                lastReport = clock.Elapsed;
                progress.Info($"  restoring: {Math.Min(done, archiveEntries)} of {archiveEntries} archive entries after {clock.Elapsed.TotalSeconds:0}s");
            }

            return true;
        }

        var restore = await ExternalProcess.RunAsync(PostgresTools.FindAtLeast("pg_restore", serverMajor), arguments, PostgresClientEnvironment.Variables(target), Progress, cancellationToken);
        if (restore.ExitCode != 0)
        {
            throw new BundleFailure(Outcome.ToolFailed, $"pg_restore failed ({restore.FirstErrorLine}). Nothing was changed: {target.Description} is as it was. Fix the cause and restore again.");
        }
    }

    private async Task CreateScratchAsync(NpgsqlConnection maintenance, string scratch, DatabaseProperties? like, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(maintenance, like?.CreateStatement(scratch) ?? $"CREATE DATABASE {Quote(scratch)} TEMPLATE template0", cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new BundleFailure(Outcome.Refused, $"User '{target.Username}' may not create databases on {target.Host}:{target.Port}, and restore builds the archive in a new database before it replaces anything. Grant CREATEDB, or restore as a superuser. Nothing was changed.", exception);
        }
    }

    /// <summary>Before the long restore: renaming the target needs its owner (or a superuser) with CREATEDB.</summary>
    private async Task RefuseWithoutPrivilegesAsync(NpgsqlConnection maintenance, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT r.rolsuper OR (r.rolcreatedb AND pg_has_role(current_user, d.datdba, 'MEMBER')), pg_get_userbyid(d.datdba)
            FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = @database
            """, maintenance);
        command.Parameters.AddWithValue("database", target.Database);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (!reader.GetBoolean(0))
        {
            throw new BundleFailure(Outcome.Refused, $"User '{target.Username}' cannot replace database '{target.Database}': restore builds the archive in a new database and swaps it in, which needs CREATEDB and membership in its owner '{reader.GetString(1)}' (or a superuser). Nothing was changed.");
        }
    }

    /// <summary>"&lt;database&gt;_before_restore_&lt;UTC time&gt;", shortened to PostgreSQL's 63 bytes, with a counter if taken.</summary>
    private static async Task<string> FreeNameAsync(NpgsqlConnection maintenance, string database, CancellationToken cancellationToken)
    {
        var suffix = $"_before_restore_{DateTime.UtcNow:yyyyMMddHHmmss}";
        var stem = database;
        while (Encoding.UTF8.GetByteCount(stem + suffix) > 60)
        {
            stem = stem[..^1];
        }

        for (var counter = 1; ; counter++)
        {
            var name = stem + suffix + (counter == 1 ? string.Empty : "_" + counter);
            await using var command = new NpgsqlCommand("SELECT NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", maintenance);
            command.Parameters.AddWithValue("name", name);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                return name;
            }
        }
    }

    /// <summary>A replaced database that held nothing (a fresh createdb) is not worth keeping; one that may hold anything is.</summary>
    private async Task<bool> DropIfEmptyAsync(NpgsqlConnection maintenance, string database)
    {
        try
        {
            await ExecuteAsync(maintenance, $"DROP DATABASE {Quote(database)}", CancellationToken.None);
            return true;
        }
        catch (PostgresException exception)
        {
            progress.Warn($"The empty database the restore replaced is kept as '{database}' ({MessageText.FirstLine(exception.MessageText)}).");
            return false;
        }
    }

    private async Task DropQuietlyAsync(string database)
    {
        try
        {
            await using var maintenance = await OpenAsync(Maintenance, CancellationToken.None);
            await ExecuteAsync(maintenance, $"DROP DATABASE IF EXISTS {Quote(database)} WITH (FORCE)", CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or BundleFailure)
        {
            progress.Warn($"Could not drop the unfinished restore database '{database}' ({MessageText.FirstLine(exception.Message)}); drop it by hand: DROP DATABASE \"{database}\";");
        }
    }

    private async Task<DatabaseContents> CountContentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(target, cancellationToken);
        return await DatabaseContents.CountAsync(connection, cancellationToken);
    }

    private static async Task<NpgsqlConnection> OpenAsync(ConnectionSettings settings, CancellationToken cancellationToken)
    {
        var builder = settings.CreateBuilder();
        // Pooled sessions on the target would count as "other users" and stop the rename.
        builder.Pooling = false;
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception exception) when (ConnectionFailure.IsConnectionFailure(exception))
        {
            await connection.DisposeAsync();
            throw ConnectionFailure.Describe(exception, settings);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>What a restore replaced: nothing (a new database), an empty database (dropped), or a database kept under another name.</summary>
internal sealed record RestoreOutcome(int ArchiveEntries, bool Created, string? ReplacedKeptAs, DatabaseContents Replaced, int Disconnected);
