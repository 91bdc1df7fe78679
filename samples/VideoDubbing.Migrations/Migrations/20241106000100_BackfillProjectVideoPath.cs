using FluentMigrator;

namespace VideoDubbing.Migrations.Migrations;

/// <summary>
/// videoUrl → videoPath, step 2 of 3 (migrate): copy the values in batches of 1,000 rows, each batch its own
/// transaction, so row locks are short. Re-runnable: it only touches rows not yet copied.
/// </summary>
[Migration(20241106000100, TransactionBehavior.None, "video_path, step 2: backfill in batches")]
public sealed class BackfillProjectVideoPath : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            DO $$
            DECLARE
              last_id bigint := 0;
              max_id bigint;
            BEGIN
              SELECT coalesce(max(id), 0) INTO max_id FROM projects;
              -- Walk the primary key in ranges: each batch reads only its own rows, so the work grows linearly.
              WHILE last_id < max_id LOOP
                UPDATE projects SET video_path = video_url
                WHERE id > last_id AND id <= last_id + 1000
                  AND video_path IS NULL AND video_url IS NOT NULL;
                last_id := last_id + 1000;
                COMMIT;
              END LOOP;
            END $$;
            """);
    }

    public override void Down()
    {
        // The copy is harmless to keep; step 1's rollback drops the column.
        Execute.Sql("SELECT 1");
    }
}
