using FluentMigrator;
using Migrations;

namespace VideoDubbing.Migrations.Migrations;

/// <summary>
/// videoUrl → videoPath, step 3 of 3 (contract): once every running version reads video_path, drop the old column.
/// Dropping a column is a catalog-only change in PostgreSQL, but it breaks any code still selecting it: hence the
/// explicit, reasoned permission below instead of a silent drop.
/// </summary>
[Migration(20241107000000, "video_path, step 3: drop video_url")]
[AllowUnsafe("PGM030", Reason = "release 2.4 reads and writes only video_path; video_url has been unused since")]
public sealed class DropProjectVideoUrl : Migration
{
    public override void Up()
    {
        Delete.Column("video_url").FromTable("projects");
    }

    public override void Down()
    {
        Alter.Table("projects").AddColumn("video_url").AsString().Nullable();
        Execute.Sql("UPDATE projects SET video_url = video_path WHERE video_path IS NOT NULL");
    }
}
