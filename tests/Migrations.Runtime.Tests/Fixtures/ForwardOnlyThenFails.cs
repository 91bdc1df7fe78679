using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.ForwardOnlyThenFails;

[Migration(202408010000, "crates table")]
public sealed class CreateCrates : ForwardOnlyMigration
{
    public override void Up() => Create.Table("crates").WithColumn("id").AsInt64().PrimaryKey();
}

[Migration(202408020000, "crate size")]
public sealed class AddCrateSize : Migration
{
    public override void Up() => Alter.Table("crates").AddColumn("size").AsInt32().Nullable();

    public override void Down() => Delete.Column("size").FromTable("crates");
}

[Migration(202408030000, "broken")]
public sealed class BreakCrates : Migration
{
    public override void Up() => Execute.Sql("SELECT 1 / 0");

    public override void Down()
    {
    }
}
