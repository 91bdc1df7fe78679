using FluentMigrator;
using Migrations.Runtime.Backfill;

namespace VideoDubbing.Migrations.Migrations;

/// <summary>
/// Gives every existing user default preferences. The bundle walks users by primary key in batches, each its own
/// transaction, pausing while replicas lag; an interrupted deploy resumes after the last committed batch. Re-runnable:
/// it only inserts what is missing.
/// </summary>
[Migration(20241105000100, TransactionBehavior.None, "backfill user preferences in batches")]
public sealed class BackfillUserPreferences : Migration
{
    public override void Up() =>
        Execute.Backfill("users")
            .InsertInto("user_preferences", "user_id").Select("users.id")
            .Where("NOT EXISTS (SELECT 1 FROM user_preferences p WHERE p.user_id = users.id)");

    public override void Down()
    {
        // The rows go with the table when CreateUserPreferences is rolled back; nothing to undo on its own.
        Execute.Sql("SELECT 1");
    }
}
