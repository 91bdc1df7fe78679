namespace Migrations.Runtime.Backfill;

/// <summary>After <c>Execute.Backfill("table")</c>: where the table lives, and what each batch does to its rows.</summary>
public interface IBackfillTableSyntax
{
    /// <summary>The table's schema (default: the connection's search_path).</summary>
    IBackfillTableSyntax InSchema(string schema);

    /// <summary>The SET clause each batch runs on the table's rows, as SQL: <c>"video_path = video_url"</c>.</summary>
    IBackfillSyntax Set(string assignments);

    /// <summary>Deletes the table's rows that match <see cref="IBackfillSyntax.Where"/>, batch by batch (expired rows, duplicates).</summary>
    IBackfillSyntax Delete();

    /// <summary>Copies rows of the walked table into another one: <c>InsertInto("user_preferences", "user_id").Select("id")</c>.</summary>
    IBackfillSelectSyntax InsertInto(string table, params string[] columns);
}

/// <summary>After <c>InsertInto(…)</c>: the select list, read from the walked table's rows of the batch.</summary>
public interface IBackfillSelectSyntax
{
    IBackfillSyntax Select(string expressions);
}

/// <summary>Which rows, which key, and how big the batches are. Every part is optional.</summary>
public interface IBackfillSyntax
{
    /// <summary>Only rows matching this SQL condition are changed (keep it re-runnable: <c>"video_path IS NULL"</c>).</summary>
    IBackfillSyntax Where(string condition);

    /// <summary>The NOT NULL column, led by an index, whose ranges the batches walk (default: the single-column primary key).</summary>
    IBackfillSyntax KeyedBy(string column);

    /// <summary>Each batch is sized to take about this long (default 20ms): short row locks, short bursts of WAL and CPU.</summary>
    IBackfillSyntax TargetBatchDuration(TimeSpan duration);

    /// <summary>Rows read by the first batch (default 1,000) and at most by any batch (default 5,000, or the initial size if larger).</summary>
    IBackfillSyntax BatchSize(int initial, int? maximum = null);

    /// <summary>Sleep this long between batches instead of <see cref="PauseBetweenBatches(double)"/>.</summary>
    IBackfillSyntax PauseBetweenBatches(TimeSpan pause);

    /// <summary>
    /// After each batch, sleep this multiple of the time it took (default 1: as long again), leaving the application,
    /// autovacuum and replicas that share of the server; 3 gives them three quarters of it, at a third of the speed.
    /// </summary>
    IBackfillSyntax PauseBetweenBatches(double timesTheBatch);
}
