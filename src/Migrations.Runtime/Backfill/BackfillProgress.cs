namespace Migrations.Runtime.Backfill;

/// <summary>
/// Where one backfill stands, as its last committed batch left it: the key range (last key done, end key fixed when it
/// started) and the counts. A run that resumes continues after <see cref="LastKey"/>.
/// </summary>
public sealed record BackfillProgress(
    long Version,
    string Direction,
    int Ordinal,
    string Table,
    string KeyColumn,
    string Definition,
    string? LastKey,
    string? EndKey,
    long RowsScanned,
    long RowsChanged,
    long Batches,
    long? EstimatedRows,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt)
{
    public bool IsFinished => FinishedAt is not null;

    /// <summary>"420,000 of ~1,000,000 rows (42%)", or without a total when the table was never analysed.</summary>
    public string Describe()
    {
        var done = RowsScanned.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        if (EstimatedRows is not { } total || total <= 0)
        {
            return $"{done} rows read";
        }

        var percent = Math.Min(100, 100.0 * RowsScanned / total);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{done} of ~{total:N0} rows read ({percent:0}%)");
    }
}
