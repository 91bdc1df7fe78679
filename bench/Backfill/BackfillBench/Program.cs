using System.Globalization;
using FluentMigrator;
using Migrations.Runtime.Backfill;

return Migrations.Runtime.Bundle.Run(typeof(CopyVideoPath).Assembly, args);

/// <summary>
/// The sample's BackfillProjectVideoPath, on a table the benchmark script creates and fills. BACKFILL_TARGET_MS,
/// BACKFILL_PAUSE (milliseconds, or "x1.5": that multiple of each batch's duration) and BACKFILL_MAX_BATCH override the
/// operation's defaults.
/// </summary>
[Migration(1, TransactionBehavior.None, "copy video_url to video_path")]
public sealed class CopyVideoPath : Migration
{
    public override void Up()
    {
        var backfill = Execute.Backfill("projects").Set("video_path = video_url").Where("video_path IS NULL AND video_url IS NOT NULL");
        if (Setting("BACKFILL_TARGET_MS") is { } target)
        {
            backfill.TargetBatchDuration(TimeSpan.FromMilliseconds(double.Parse(target, CultureInfo.InvariantCulture)));
        }

        if (Setting("BACKFILL_PAUSE") is { } pause)
        {
            if (pause.StartsWith('x'))
            {
                backfill.PauseBetweenBatches(double.Parse(pause[1..], CultureInfo.InvariantCulture));
            }
            else
            {
                backfill.PauseBetweenBatches(TimeSpan.FromMilliseconds(double.Parse(pause, CultureInfo.InvariantCulture)));
            }
        }

        if (Setting("BACKFILL_MAX_BATCH") is { } maximum)
        {
            var size = int.Parse(maximum, CultureInfo.InvariantCulture);
            backfill.BatchSize(Math.Min(BackfillDefinition.DefaultInitialBatchSize, size), size);
        }
    }

    public override void Down() => Execute.Sql("SELECT 1");

    private static string? Setting(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
