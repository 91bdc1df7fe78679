using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.FailsAfterTwo;

[Migration(202407010000, "parcels table")]
public sealed class CreateParcels : Migration
{
    public override void Up() => Create.Table("parcels").WithColumn("id").AsInt64().PrimaryKey().Identity();

    public override void Down() => Delete.Table("parcels");
}

[Migration(202407020000, "parcel weight")]
public sealed class AddParcelWeight : Migration
{
    public override void Up() => Alter.Table("parcels").AddColumn("weight").AsInt32().Nullable();

    public override void Down() => Delete.Column("weight").FromTable("parcels");
}

/// <summary>Fails in its transaction: what --rollback-on-failure reacts to.</summary>
[Migration(202407030000, "broken")]
public sealed class BreakOnPurpose : Migration
{
    public override void Up()
    {
        Create.Table("labels").WithColumn("id").AsInt64().PrimaryKey();
        Execute.Sql("SELECT 1 / 0");
    }

    public override void Down() => Delete.Table("labels");
}
