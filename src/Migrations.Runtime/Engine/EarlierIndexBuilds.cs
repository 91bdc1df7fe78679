using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Rendering;
using Npgsql;

namespace Migrations.Runtime.Engine;

/// <summary>
/// A CREATE INDEX CONCURRENTLY outlives the run that started it: killed mid-build, it leaves an INVALID index; killed
/// while the server goes on, the server may finish a VALID one. Before a non-transactional migration runs again, each
/// index it builds is looked up: an INVALID one is dropped (a retry would fail on the name, or keep the broken index);
/// a VALID one left by this migration's earlier, unfinished attempt is kept and not built again when its definition is
/// the one the migration builds; one with another definition stops the deploy with both definitions.
/// </summary>
internal sealed class EarlierIndexBuilds(NpgsqlConnection connection, DeployTimeouts timeouts, IProgressReporter progress, CancellationToken cancellationToken)
{
    private const string ProbeTable = "migrations_index_probe";

    /// <summary>The keys (<see cref="ConcurrentIndexStatement.Key"/>) of the indexes that need no building.</summary>
    public async Task<IReadOnlySet<string>> ReconcileAsync(RenderedMigration rendered, bool resumesEarlierAttempt)
    {
        var built = new HashSet<string>(StringComparer.Ordinal);
        foreach (var index in rendered.Up.Select(ConcurrentIndexStatement.Parse).OfType<ConcurrentIndexStatement>())
        {
            var existing = await FindAsync(index);
            if (existing is null)
            {
                continue;
            }

            if (!existing.Valid)
            {
                progress.Warn($"{rendered.Migration.DisplayName}: dropping INVALID index {existing.QualifiedName} left by an earlier failed build before building it again.");
                await DropAsync(existing.QualifiedName);
                continue;
            }

            if (!resumesEarlierAttempt)
            {
                // Not ours to adopt: PostgreSQL's "already exists" says what is wrong.
                continue;
            }

            var expected = await DefinitionOnEmptyCopyAsync(index);
            if (expected != existing.Definition)
            {
                throw new BundleFailure(Outcome.MigrationFailed, $"Migration {rendered.Migration.DisplayName} builds index {existing.QualifiedName}, which already exists with another definition ({existing.Definition}; the migration builds {expected}). Drop or rename the existing index, then deploy again.");
            }

            progress.Info($"    index {existing.QualifiedName} was completed by the earlier, interrupted run (valid, same definition): kept, not built again.");
            built.Add(index.Key);
        }

        return built;
    }

    private async Task<ExistingIndex?> FindAsync(ConcurrentIndexStatement index)
    {
        // An index lives in its table's schema unless the statement names one.
        const string sql = """
            SELECT format('%I.%I', n.nspname, c.relname), i.indisvalid, CASE WHEN i.indisunique THEN 'UNIQUE ' ELSE '' END || regexp_replace(pg_get_indexdef(i.indexrelid), '^.*? USING ', '')
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relname = @name AND i.indrelid = to_regclass(@table)
              AND (n.nspname = @schema OR (@schema IS NULL AND c.relnamespace = (SELECT relnamespace FROM pg_class WHERE oid = to_regclass(@table))))
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", index.Name);
        command.Parameters.AddWithValue("table", index.Table);
        command.Parameters.Add(new NpgsqlParameter("schema", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)index.Schema ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ExistingIndex(reader.GetString(0), reader.GetBoolean(1), reader.GetString(2)) : null;
    }

    /// <summary>
    /// The migration's index as PostgreSQL prints it, built on an empty temporary copy of the table in a transaction that
    /// is rolled back: the same printer then describes both, so spelling (ASC, quoting, casts) cannot tell them apart.
    /// </summary>
    private async Task<string> DefinitionOnEmptyCopyAsync(ConcurrentIndexStatement index)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var sql in new[]
            {
                $"SET LOCAL lock_timeout = '{(long)timeouts.LockTimeout.TotalMilliseconds}ms'",
                $"CREATE TEMP TABLE {ProbeTable} (LIKE {index.Table}) ON COMMIT DROP",
                index.BuildOn(ProbeTable + "_ix", "pg_temp." + ProbeTable),
            })
            {
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var describe = new NpgsqlCommand($"""
                SELECT CASE WHEN i.indisunique THEN 'UNIQUE ' ELSE '' END || regexp_replace(pg_get_indexdef(i.indexrelid), '^.*? USING ', '')
                FROM pg_index i WHERE i.indexrelid = 'pg_temp.{ProbeTable}_ix'::regclass
                """, connection, transaction);
            return (string)(await describe.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (PostgresException exception)
        {
            throw new BundleFailure(Outcome.MigrationFailed, $"Index {index.Key} already exists, and its definition could not be compared with the migration's ({exception.SqlState}: {MessageText.FirstLine(exception.MessageText)}). Check it by hand, then drop it or record the migration with 'resolve --applied'.", exception);
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
    }

    private async Task DropAsync(string qualifiedName)
    {
        // Two statements in one command run as one implicit transaction, which CONCURRENTLY refuses: send them apart.
        await using var drop = new NpgsqlCommand("SET lock_timeout = 0", connection) { CommandTimeout = 0 };
        await drop.ExecuteNonQueryAsync(cancellationToken);
        drop.CommandText = $"DROP INDEX CONCURRENTLY IF EXISTS {qualifiedName}";
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record ExistingIndex(string QualifiedName, bool Valid, string Definition);
}
