using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.EmbeddedScript;

/// <summary>Up() runs a .sql file embedded in the bundle (Fixtures/Scripts/create_gadgets.sql).</summary>
[Migration(202409010000, "gadgets from an embedded script")]
public sealed class CreateGadgets : Migration
{
    public override void Up() => Execute.EmbeddedScript("create_gadgets.sql");

    public override void Down() => Delete.Table("gadgets");
}
