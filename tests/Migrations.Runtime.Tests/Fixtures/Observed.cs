using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.Observed;

[Migration(202406010000, "orders table")]
public sealed class CreateOrders : Migration
{
    public override void Up() =>
        Create.Table("orders")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("customer").AsString(200).NotNullable()
            .WithColumn("quantity").AsInt32().NotNullable();

    public override void Down() => Delete.Table("orders");
}

/// <summary>A plain CREATE INDEX on a table that has rows: PGM001 predicts SHARE, which blocks writes during the build.</summary>
[Migration(202406020000, "index orders by customer")]
public sealed class IndexOrdersByCustomer : Migration
{
    public override void Up() => Create.Index("ix_orders_customer").OnTable("orders").OnColumn("customer").Ascending();

    public override void Down() => Delete.Index("ix_orders_customer").OnTable("orders");
}

/// <summary>int → bigint: PGM009 predicts a rewrite under ACCESS EXCLUSIVE.</summary>
[Migration(202406030000, "quantity as bigint")]
public sealed class WidenOrderQuantity : Migration
{
    public override void Up() => Execute.Sql("ALTER TABLE orders ALTER COLUMN quantity TYPE bigint");

    public override void Down() => Execute.Sql("ALTER TABLE orders ALTER COLUMN quantity TYPE integer");
}
