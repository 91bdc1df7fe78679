using FluentMigrator;
using Migrations.Runtime.Backfill;

return Migrations.Runtime.Bundle.Run(typeof(CopyVideoPath).Assembly, args);

/// <summary>The sample's BackfillProjectVideoPath, on a table the benchmark script creates and fills.</summary>
[Migration(1, TransactionBehavior.None, "copy video_url to video_path")]
public sealed class CopyVideoPath : Migration
{
    public override void Up() =>
        Execute.Backfill("projects").Set("video_path = video_url").Where("video_path IS NULL AND video_url IS NOT NULL");

    public override void Down() => Execute.Sql("SELECT 1");
}
