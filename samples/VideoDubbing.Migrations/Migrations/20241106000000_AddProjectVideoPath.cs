using FluentMigrator;

namespace VideoDubbing.Migrations.Migrations;

/// <summary>
/// videoUrl → videoPath, step 1 of 3 (expand): add the new column, nullable, so the running application is unaffected.
/// Release the application version that writes both columns before step 2.
/// </summary>
[Migration(20241106000000, "video_path, step 1: add the column")]
public sealed class AddProjectVideoPath : Migration
{
    public override void Up()
    {
        Alter.Table("projects").AddColumn("video_path").AsString().Nullable();
    }

    public override void Down()
    {
        Delete.Column("video_path").FromTable("projects");
    }
}
