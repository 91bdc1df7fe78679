using FluentMigrator;

namespace VideoDubbing.Migrations.Migrations;

/// <summary>
/// Gives every existing user default preferences, 1,000 users per transaction: each batch commits on its own, so no
/// lock is held for long and replicas keep up. Runs without a migration transaction, which the COMMIT inside needs.
/// Safe to re-run: it only inserts what is missing.
/// </summary>
[Migration(20241105000100, TransactionBehavior.None, "backfill user preferences in batches")]
public sealed class BackfillUserPreferences : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            DO $$
            DECLARE inserted integer;
            BEGIN
              LOOP
                INSERT INTO user_preferences (user_id)
                SELECT u.id FROM users u
                WHERE NOT EXISTS (SELECT 1 FROM user_preferences p WHERE p.user_id = u.id)
                ORDER BY u.id
                LIMIT 1000;
                GET DIAGNOSTICS inserted = ROW_COUNT;
                EXIT WHEN inserted = 0;
                COMMIT;
              END LOOP;
            END $$;
            """);
    }

    public override void Down()
    {
        // The rows go with the table when CreateUserPreferences is rolled back; nothing to undo on its own.
        Execute.Sql("SELECT 1");
    }
}
