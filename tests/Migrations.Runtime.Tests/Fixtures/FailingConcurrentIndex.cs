using FluentMigrator;
using FluentMigrator.Postgres;

namespace Migrations.Runtime.Tests.Fixtures.FailingConcurrentIndex;

[Migration(202402010000)]
public sealed class CreateOrders : Migration
{
    public override void Up()
    {
        Create.Table("orders").WithColumn("id").AsInt64().PrimaryKey().WithColumn("code").AsString().NotNullable();
        // Two equal codes: the unique index below fails after PostgreSQL has created it, leaving it INVALID.
        Execute.Sql("INSERT INTO orders VALUES (1, 'A'), (2, 'A')");
    }

    public override void Down() => Delete.Table("orders");
}

[Migration(202402020000, TransactionBehavior.None)]
public sealed class UniqueOrderCodes : Migration
{
    public override void Up() =>
        Create.Index("ux_orders_code").OnTable("orders").OnColumn("code").Unique().WithOptions().AsConcurrently();

    public override void Down() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ux_orders_code");
}
