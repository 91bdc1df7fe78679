using FluentMigrator;
using FluentMigrator.Postgres;

namespace Migrations.Runtime.Tests.Fixtures.Tenants;

/// <summary>A shop's schema, written the way one schema per tenant is: no migration names a schema.</summary>
[Migration(202407010000, "customers")]
public sealed class CreateCustomers : Migration
{
    public override void Up() =>
        Create.Table("customers")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("email").AsString(200).NotNullable();

    public override void Down() => Delete.Table("customers");
}

/// <summary>Raw SQL follows search_path, fluent expressions the default schema: both must land in the tenant's schema.</summary>
[Migration(202407020000, "orders, in raw SQL")]
public sealed class CreateOrdersInSql : Migration
{
    public override void Up() =>
        Execute.Sql("CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id))");

    public override void Down() => Execute.Sql("DROP TABLE orders");
}

[Migration(202407030000, "a default customer")]
public sealed class SeedDefaultCustomer : Migration
{
    public override void Up() => Insert.IntoTable("customers").Row(new { email = "house@example.com" });

    public override void Down() => Delete.FromTable("customers").Row(new { email = "house@example.com" });
}

/// <summary>FluentMigrator renders DROP TABLE IF EXISTS without consulting the schema convention.</summary>
[Migration(202407040000, "drop the legacy carts table")]
public sealed class DropLegacyCarts : Migration
{
    public override void Up() => Delete.Table("carts").IfExists();

    public override void Down() => Create.Table("carts").WithColumn("id").AsInt64().PrimaryKey();
}

[Migration(202407050000, TransactionBehavior.None, "index customer emails")]
public sealed class IndexCustomerEmails : Migration
{
    public override void Up() =>
        Create.Index("ix_customers_email").OnTable("customers").OnColumn("email").Ascending().WithOptions().AsConcurrently();

    public override void Down() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_customers_email");
}
