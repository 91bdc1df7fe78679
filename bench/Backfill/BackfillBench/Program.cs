using FluentMigrator;
using Migrations.Runtime.Backfill;

return Migrations.Runtime.Bundle.Run(typeof(CopyVideoPath).Assembly, args);

/// <summary>The sample's BackfillProjectVideoPath, on a table the benchmark script creates and fills.</summary>
[Migration(1, TransactionBehavior.None, "copy video_url to video_path")]
public sealed class CopyVideoPath : Migration
{
    public override void Up()
    {
        var backfill = Execute.Backfill("projects").Set("video_path = video_url").Where("video_path IS NULL AND video_url IS NOT NULL");
        if (Environment.GetEnvironmentVariable("BACKFILL_TARGET_MS") is { Length: > 0 } target)
        {
            backfill.TargetBatchDuration(TimeSpan.FromMilliseconds(int.Parse(target, System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (Environment.GetEnvironmentVariable("BACKFILL_PAUSE_MS") is { Length: > 0 } pause)
        {
            backfill.PauseBetweenBatches(TimeSpan.FromMilliseconds(int.Parse(pause, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public override void Down() => Execute.Sql("SELECT 1");
}
