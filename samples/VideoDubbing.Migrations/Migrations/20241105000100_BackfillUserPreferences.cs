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
            DECLARE
              last_id bigint := 0;
              max_id bigint;
            BEGIN
              SELECT coalesce(max(id), 0) INTO max_id FROM users;
              -- Walk the primary key in ranges: each batch reads only its own rows, so the work grows linearly.
              WHILE last_id < max_id LOOP
                INSERT INTO user_preferences (user_id)
                SELECT u.id FROM users u
                WHERE u.id > last_id AND u.id <= last_id + 1000
                  AND NOT EXISTS (SELECT 1 FROM user_preferences p WHERE p.user_id = u.id);
                last_id := last_id + 1000;
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
