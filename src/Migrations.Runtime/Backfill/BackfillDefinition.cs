using System.Data;
using System.Globalization;

namespace Migrations.Runtime.Backfill;

/// <summary>
/// One backfill as the migration declared it. What it changes (table, SET or INSERT … SELECT, condition, key) is part
/// of the migration's checksum; how fast it goes (batch sizes, pauses) is not, so tuning it never marks a shipped
/// migration as edited.
/// </summary>
public sealed class BackfillDefinition
{
    public const int DefaultInitialBatchSize = 1_000;
    public const int DefaultMaximumBatchSize = 5_000;

    /// <summary>Offline the key is not known; the rendered template names it by its role.</summary>
    private const string PrimaryKeyPlaceholder = "(primary key)";

    internal BackfillDefinition(string table)
    {
        Table = string.IsNullOrWhiteSpace(table) ? throw new ArgumentException("A backfill needs a table.", nameof(table)) : table;
    }

    public string Table { get; }

    public string? Schema { get; internal set; }

    public string? Assignments { get; internal set; }

    public bool Deletes { get; internal set; }

    public string? InsertTable { get; internal set; }

    public IReadOnlyList<string> InsertColumns { get; internal set; } = [];

    public string? SelectList { get; internal set; }

    public string? Condition { get; internal set; }

    /// <summary>Null: the table's single-column primary key, found when the backfill starts.</summary>
    public string? KeyColumn { get; internal set; }

    public TimeSpan TargetBatchDuration { get; internal set; } = TimeSpan.FromMilliseconds(20);

    public int InitialBatchSize { get; internal set; } = DefaultInitialBatchSize;

    public int MaximumBatchSize { get; internal set; } = DefaultMaximumBatchSize;

    /// <summary>A fixed pause after each batch; null: <see cref="PauseMultiple"/> of the batch's own duration.</summary>
    public TimeSpan? Pause { get; internal set; }

    /// <summary>
    /// The pause after each batch as a multiple of the time it took (default 1: as long again), so the backfill holds
    /// the table's rows and a server process at most half the time, however fast or slow the server is today.
    /// </summary>
    public double PauseMultiple { get; internal set; } = 1;

    /// <summary>How long to wait after a batch that took <paramref name="batch"/>.</summary>
    internal TimeSpan PauseAfter(TimeSpan batch) => Pause ?? batch * PauseMultiple;

    /// <summary>"app.projects", as messages name it.</summary>
    public string DisplayTable => Schema is null ? Table : $"{Schema}.{Table}";

    internal string QualifiedTable => Schema is null ? Quote(Table) : $"{Quote(Schema)}.{Quote(Table)}";

    /// <summary>
    /// The statement one batch runs, with the batch's key range as $1 (exclusive) and $2 (inclusive): what the rendered
    /// SQL, the checksum and a reviewer see.
    /// </summary>
    public string Template() => Statement(Quote(KeyColumn ?? PrimaryKeyPlaceholder), "$1", "$2");

    /// <summary>The comment above the template in rendered SQL: how the bundle runs it.</summary>
    public string Describe()
    {
        var key = KeyColumn is null ? "its primary key" : $"\"{KeyColumn}\"";
        return string.Create(CultureInfo.InvariantCulture, $"""
            -- Backfill of {DisplayTable}, run by the bundle: key ranges of {key}, each batch its own transaction (lock_timeout: --backfill-lock-wait),
            -- sized to take about {TargetBatchDuration.TotalMilliseconds:0}ms ({InitialBatchSize} rows first, at most {MaximumBatchSize}), {Spacing}; paused while replicas lag or the table is contended;
            -- resumable from the last committed batch (progress in migrations_backfill). Each batch runs, for its range ($1, $2]:
            """);
    }

    private string Spacing => Pause is { } pause
        ? string.Create(CultureInfo.InvariantCulture, $"{pause.TotalMilliseconds:0}ms apart")
        : string.Create(CultureInfo.InvariantCulture, $"each followed by a pause of {PauseMultiple:0.##} times its duration");

    /// <summary>The batch statement over <paramref name="key"/> (quoted) between two SQL expressions.</summary>
    internal string Statement(string key, string lowerExclusive, string upperInclusive, bool hasLower = true)
    {
        var range = (hasLower ? $"{key} > {lowerExclusive} AND " : string.Empty) + $"{key} <= {upperInclusive}";
        var where = Condition is null ? range : $"({Condition}) AND {range}";
        if (Assignments is not null)
        {
            return $"UPDATE {QualifiedTable} SET {Assignments} WHERE {where}";
        }

        if (Deletes)
        {
            return $"DELETE FROM {QualifiedTable} WHERE {where}";
        }

        var columns = InsertColumns.Count == 0 ? string.Empty : " (" + string.Join(", ", InsertColumns.Select(Quote)) + ")";
        return $"INSERT INTO {QualifiedInsertTable}{columns} SELECT {SelectList} FROM {QualifiedTable} WHERE {where}";
    }

    private string QualifiedInsertTable =>
        InsertTable!.Contains('.', StringComparison.Ordinal) || Schema is null ? QuoteQualified(InsertTable!) : $"{Quote(Schema)}.{Quote(InsertTable!)}";

    /// <summary>A mistake in the declaration, found while rendering: the build reports it, nothing runs.</summary>
    internal void Validate()
    {
        if ((Assignments is not null ? 1 : 0) + (InsertTable is not null ? 1 : 0) + (Deletes ? 1 : 0) != 1)
        {
            throw new InvalidOperationException($"The backfill of {DisplayTable} must say exactly one thing to do with each batch: .Set(\"column = expression\"), .InsertInto(…).Select(…) or .Delete().");
        }

        if (Deletes && Condition is null)
        {
            throw new InvalidOperationException($"The backfill of {DisplayTable} deletes with no .Where(…): every row would go. Say which rows, or drop the table.");
        }

        if (InsertTable is not null && string.IsNullOrWhiteSpace(SelectList))
        {
            throw new InvalidOperationException($"The backfill of {DisplayTable} into {InsertTable} needs .Select(\"…\"): the values to insert for each row.");
        }
    }

    /// <summary>
    /// Reached only when something other than the bundle runs the migration (FluentMigrator's own runner): it cannot
    /// keep progress or pace the batches, so it refuses instead of running one long statement.
    /// </summary>
    internal void RunWithoutTheBundle(IDbConnection connection, IDbTransaction? transaction) =>
        throw new NotSupportedException($"The backfill of {DisplayTable} runs only under the Migrations.Sdk bundle (deploy), which walks it in batches and records progress.");

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string QuoteQualified(string name) => string.Join('.', name.Split('.').Select(Quote));
}
