using Migrations.Runtime.Outcomes;
using Npgsql;
using static Migrations.Runtime.History.HistoryStore;

namespace Migrations.Runtime.Backup;

/// <summary>
/// Puts a fully restored database in the place of another in one transaction: both renames and the new owner commit
/// together or not at all, so the name the application connects to always holds either the old database or the
/// restored one. A rename needs the database to itself: other sessions on it are disconnected first, and one that
/// connects in between waits for the transaction and then fails to connect (the old database has a new name), as a
/// connection during any restore would.
/// </summary>
internal static class DatabaseSwap
{
    private const int Attempts = 5;

    /// <summary>Sessions disconnected from <paramref name="target"/> for the swap.</summary>
    public static async Task<int> ReplaceAsync(NpgsqlConnection maintenance, string target, string replacement, string keepOldAs, string owner, CancellationToken cancellationToken)
    {
        var disconnected = 0;
        for (var attempt = 1; ; attempt++)
        {
            disconnected += await DisconnectOthersAsync(maintenance, target, cancellationToken);
            await using var transaction = await maintenance.BeginTransactionAsync(CancellationToken.None);
            try
            {
                // Not cancellable once begun: a rename half sent is rolled back by the server anyway, but the user's Ctrl-C
                // should not race the commit of a restore that is already complete.
                await ExecuteAsync(maintenance, transaction, $"ALTER DATABASE {Quote(target)} RENAME TO {Quote(keepOldAs)}");
                await ExecuteAsync(maintenance, transaction, $"ALTER DATABASE {Quote(replacement)} RENAME TO {Quote(target)}");
                await ExecuteAsync(maintenance, transaction, $"ALTER DATABASE {Quote(target)} OWNER TO {Quote(owner)}");
                await transaction.CommitAsync(CancellationToken.None);
                return disconnected;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ObjectInUse && attempt < Attempts)
            {
                // Someone connected between the disconnect and the rename: roll back (nothing renamed) and try again.
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ObjectInUse)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                throw new BundleFailure(Outcome.Refused, $"Sessions kept reconnecting to database '{target}' and it could not be swapped ({attempt} attempts). Stop the application (or revoke CONNECT for the moment) and restore again.", exception);
            }
        }
    }

    /// <summary>Gives a restored database its final name where none exists yet (restore --create).</summary>
    public static async Task RenameAsync(NpgsqlConnection maintenance, string from, string to, CancellationToken cancellationToken) =>
        await ExecuteAsync(maintenance, null, $"ALTER DATABASE {Quote(from)} RENAME TO {Quote(to)}");

    private static async Task<int> DisconnectOthersAsync(NpgsqlConnection maintenance, string database, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @database AND pid <> pg_backend_pid()
            """, maintenance);
        command.Parameters.AddWithValue("database", database);
        try
        {
            return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new BundleFailure(Outcome.Refused, $"Database '{database}' has sessions this role may not disconnect ({exception.MessageText}), and a restore replaces the database under them. Stop the application, or restore as a role with pg_signal_backend.", exception);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
