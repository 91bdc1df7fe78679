using FluentMigrator;
using Migrations.Runtime.Backfill;

namespace VideoDubbing.Migrations.Migrations;

/// <summary>
/// videoUrl → videoPath, step 2 of 3 (migrate): the bundle copies the values in batches by primary key, each batch its
/// own short transaction, paced by replica lag and lock waits, resumable. Re-runnable: it only touches rows not yet copied.
/// </summary>
[Migration(20241106000100, TransactionBehavior.None, "video_path, step 2: backfill in batches")]
public sealed class BackfillProjectVideoPath : Migration
{
    public override void Up() =>
        Execute.Backfill("projects").Set("video_path = video_url").Where("video_path IS NULL AND video_url IS NOT NULL");

    public override void Down()
    {
        // The copy is harmless to keep; step 1's rollback drops the column.
        Execute.Sql("SELECT 1");
    }
}
