using FluentMigrator;

namespace VideoDubbing.Migrations.Migrations;

/// <summary>The guide's add_glossary: per-project terminology the dubbing must keep.</summary>
[Migration(20241103000000, "add_glossary")]
public sealed class AddGlossary : Migration
{
    public override void Up()
    {
        // A new table: its foreign key validates no existing rows.
        Create.Table("glossary")
            .WithColumn("id").AsInt64().PrimaryKey("pk_glossary").Identity()
            .WithColumn("project_id").AsInt64().NotNullable().ForeignKey("fk_glossary_project_id", "projects", "id")
            .WithColumn("source_term").AsString().NotNullable()
            .WithColumn("target_term").AsString().NotNullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable().WithDefault(SystemMethods.CurrentDateTimeOffset);
    }

    public override void Down()
    {
        Delete.Table("glossary");
    }
}
