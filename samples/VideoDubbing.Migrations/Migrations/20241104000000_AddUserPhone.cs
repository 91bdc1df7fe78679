using FluentMigrator;

namespace VideoDubbing.Migrations.Migrations;

/// <summary>The guide's optional phone number. A nullable column without a default is a catalog-only change.</summary>
[Migration(20241104000000, "optional phone on users")]
public sealed class AddUserPhone : Migration
{
    public override void Up()
    {
        Alter.Table("users").AddColumn("phone").AsString().Nullable();
    }

    public override void Down()
    {
        Delete.Column("phone").FromTable("users");
    }
}
