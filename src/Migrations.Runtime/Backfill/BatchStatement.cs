using Npgsql;

namespace Migrations.Runtime.Backfill;

/// <summary>
/// One batch as one statement: find the next range of at most N keys after the last one done, change the rows of that
/// range, and record the range as done in the progress row, all in a transaction that first locks the progress row
/// (so two runners of the same backfill, should they ever meet, take turns instead of overlapping).
/// </summary>
internal sealed class BatchStatement(BackfillDefinition definition, BackfillTarget target, BackfillProgressStore store)
{
    private readonly string _first = Sql(definition, target, store, hasLower: false);
    private readonly string _next = Sql(definition, target, store, hasLower: true);

    public async Task<BatchOutcome> RunAsync(BackfillScope scope, BackfillProgress progress, int size, CancellationToken cancellationToken)
    {
        var connection = scope.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        using var blockers = new BlockerWatch(scope.Monitor, connection.ProcessID, scope.Limits.LockWait);
        try
        {
            await using (var timeouts = new NpgsqlCommand($"SET LOCAL lock_timeout = '{(long)scope.Limits.LockWait.TotalMilliseconds}ms'", connection, transaction))
            {
                await timeouts.ExecuteNonQueryAsync(cancellationToken);
            }

            var stored = await store.FindAsync(progress.Version, progress.Direction, progress.Ordinal, cancellationToken, transaction, forUpdate: true);
            var last = stored?.LastKey;
            if (last != progress.LastKey)
            {
                // Someone else moved this backfill on (another runner that got past the deploy lock): go on from there.
                scope.Progress.Warn($"{scope.Migration}: the backfill of {target.Table} was advanced by another session to key {last}; continuing from there.");
            }

            await using var command = new NpgsqlCommand(last is null ? _first : _next, connection, transaction) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("last", (object?)last ?? DBNull.Value);
            command.Parameters.AddWithValue("end", progress.EndKey!);
            command.Parameters.AddWithValue("size", size);
            command.Parameters.AddWithValue("version", progress.Version);
            command.Parameters.AddWithValue("direction", progress.Direction);
            command.Parameters.AddWithValue("ordinal", progress.Ordinal);
            using var cancel = cancellationToken.Register(command.Cancel);
            BatchOutcome outcome;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                outcome = new BatchOutcome(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), null);
            }

            await transaction.CommitAsync(cancellationToken);
            return outcome;
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected && !cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            var what = exception.SqlState == PostgresErrorCodes.DeadlockDetected ? "deadlocked with another session" : $"waited more than --backfill-lock-wait {scope.Limits.LockWait.TotalMilliseconds:0}ms for a row lock";
            return new BatchOutcome(null, 0, 0, $"the batch {what} on {target.Table}{BlockerWatch.Describe(blockers.Blockers)}; retrying with smaller batches");
        }
    }

    private static string Sql(BackfillDefinition definition, BackfillTarget target, BackfillProgressStore store, bool hasLower)
    {
        var key = target.QuotedKey;
        var last = $"CAST(@last AS {target.KeyType})";
        var end = $"CAST(@end AS {target.KeyType})";
        var lower = hasLower ? $"{key} > {last} AND " : string.Empty;
        return $"""
            WITH backfill_bound AS (
                SELECT {key} AS key FROM {definition.QualifiedTable} WHERE {lower}{key} <= {end} ORDER BY {key} LIMIT @size
            ), backfill_edge AS (
                SELECT max(key) AS upper, count(*) AS scanned FROM backfill_bound
            ), backfill_changed AS (
                {definition.Statement(key, last, "(SELECT upper FROM backfill_edge)", hasLower)} RETURNING 1
            ), backfill_recorded AS (
                {store.RecordBatchSql("(SELECT upper::text FROM backfill_edge)", "(SELECT scanned FROM backfill_edge)", "(SELECT count(*) FROM backfill_changed)")}
            )
            SELECT (SELECT upper::text FROM backfill_edge), (SELECT scanned FROM backfill_edge), (SELECT count(*) FROM backfill_changed)
            """;
    }
}

/// <param name="Upper">the last key of the range done; null when no key was left</param>
/// <param name="Contention">why the batch was rolled back instead (a lock wait past the limit, a deadlock)</param>
internal sealed record BatchOutcome(string? Upper, long Scanned, long Changed, string? Contention);
