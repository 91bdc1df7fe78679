using FluentMigrator;

namespace VideoDubbing.Migrations.Migrations;

/// <summary>
/// The platform's first schema: users, their dubbing projects and the pipeline jobs of each project.
/// Indexes and foreign keys on tables created in the same migration lock nothing anyone is using yet.
/// </summary>
[Migration(20241102000000, "users, projects and jobs")]
public sealed class InitialSchema : Migration
{
    public override void Up()
    {
        Create.Table("users")
            .WithColumn("id").AsInt64().PrimaryKey("pk_users").Identity()
            .WithColumn("email").AsString().NotNullable().Unique("ux_users_email")
            .WithColumn("name").AsString().Nullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable().WithDefault(SystemMethods.CurrentDateTimeOffset);

        Create.Table("projects")
            .WithColumn("id").AsInt64().PrimaryKey("pk_projects").Identity()
            .WithColumn("user_id").AsInt64().NotNullable().ForeignKey("fk_projects_user_id", "users", "id")
            .WithColumn("title").AsString().NotNullable()
            .WithColumn("status").AsString().NotNullable().WithDefaultValue("draft")
            .WithColumn("source_language").AsString().NotNullable()
            .WithColumn("target_language").AsString().NotNullable()
            .WithColumn("video_url").AsString().Nullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable().WithDefault(SystemMethods.CurrentDateTimeOffset);

        Create.Index("ix_projects_user_id").OnTable("projects").OnColumn("user_id").Ascending();
        Create.Index("ix_projects_status").OnTable("projects").OnColumn("status").Ascending();

        Create.Table("jobs")
            .WithColumn("id").AsInt64().PrimaryKey("pk_jobs").Identity()
            .WithColumn("project_id").AsInt64().NotNullable().ForeignKey("fk_jobs_project_id", "projects", "id")
            .WithColumn("stage").AsString().NotNullable()
            .WithColumn("status").AsString().NotNullable().WithDefaultValue("queued")
            .WithColumn("attempts").AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn("created_at").AsDateTimeOffset().NotNullable().WithDefault(SystemMethods.CurrentDateTimeOffset)
            .WithColumn("finished_at").AsDateTimeOffset().Nullable();

        Create.Index("ix_jobs_project_id_stage").OnTable("jobs")
            .OnColumn("project_id").Ascending()
            .OnColumn("stage").Ascending();
    }

    public override void Down()
    {
        Delete.Table("jobs");
        Delete.Table("projects");
        Delete.Table("users");
    }
}
