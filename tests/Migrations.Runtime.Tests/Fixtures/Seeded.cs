using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.Seeded;

[Migration(202407010000, "colours table")]
public sealed class CreateColours : Migration
{
    public override void Up() =>
        Create.Table("colours")
            .WithColumn("id").AsInt32().PrimaryKey().Identity()
            .WithColumn("name").AsString(50).NotNullable().Unique("ux_colours_name");

    public override void Down() => Delete.Table("colours");
}

/// <summary>Seed data: re-runnable, so seed may run more than once.</summary>
[Profile("seed")]
public sealed class SeedColours : Migration
{
    public override void Up() =>
        Execute.Sql("INSERT INTO colours (name) VALUES ('red'), ('green'), ('blue') ON CONFLICT (name) DO NOTHING");

    public override void Down()
    {
    }
}
