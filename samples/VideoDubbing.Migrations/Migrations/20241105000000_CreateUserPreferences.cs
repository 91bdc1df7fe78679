using FluentMigrator;

namespace VideoDubbing.Migrations.Migrations;

/// <summary>Per-user settings, one row per user; existing users get theirs in the next migration, in batches.</summary>
[Migration(20241105000000, "user preferences")]
public sealed class CreateUserPreferences : Migration
{
    public override void Up()
    {
        Create.Table("user_preferences")
            .WithColumn("user_id").AsInt64().PrimaryKey("pk_user_preferences").ForeignKey("fk_user_preferences_user_id", "users", "id")
            .WithColumn("locale").AsString().NotNullable().WithDefaultValue("en")
            .WithColumn("email_notifications").AsBoolean().NotNullable().WithDefaultValue(true)
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable().WithDefault(SystemMethods.CurrentDateTimeOffset);
    }

    public override void Down()
    {
        Delete.Table("user_preferences");
    }
}
