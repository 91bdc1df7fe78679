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
            DECLARE updated integer;
            BEGIN
              LOOP
                UPDATE projects SET video_path = video_url
                WHERE id IN (
                  SELECT id FROM projects
                  WHERE video_path IS NULL AND video_url IS NOT NULL
                  ORDER BY id
                  LIMIT 1000);
                GET DIAGNOSTICS updated = ROW_COUNT;
                EXIT WHEN updated = 0;
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
