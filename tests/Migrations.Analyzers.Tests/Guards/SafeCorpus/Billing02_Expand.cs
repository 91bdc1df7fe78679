using FluentMigrator;
using FluentMigrator.Postgres;

namespace Billing.Migrations;

[Migration(202502010900, "customers.country, nullable")]
public sealed class AddCustomerCountry : Migration
{
    public override void Up() => Alter.Table("customers").InSchema("billing").AddColumn("country").AsString(2).Nullable();

    public override void Down() => Delete.Column("country").FromTable("customers").InSchema("billing");
}

[Migration(202502011000, TransactionBehavior.None, "index customers.country concurrently")]
public sealed class IndexCustomerCountry : Migration
{
    public override void Up() =>
        Create.Index("ix_customers_country").OnTable("customers").InSchema("billing")
            .OnColumn("country").Ascending()
            .WithOptions().AsConcurrently();

    public override void Down() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS billing.ix_customers_country");
}

[Migration(202502011100, "subscriptions.seats with a constant default")]
public sealed class AddSubscriptionSeats : Migration
{
    public override void Up() => Alter.Table("subscriptions").InSchema("billing").AddColumn("seats").AsInt32().NotNullable().WithDefaultValue(1);

    public override void Down() => Delete.Column("seats").FromTable("subscriptions").InSchema("billing");
}

[Migration(202502011200, "invoices.currency with a constant default")]
public sealed class AddInvoiceCurrency : Migration
{
    public override void Up() =>
        Create.Column("currency").OnTable("invoices").InSchema("billing").AsString(3).NotNullable().WithDefaultValue("EUR");

    public override void Down() => Delete.Column("currency").FromTable("invoices").InSchema("billing");
}

[Migration(202502011300, "customers.updated_at defaults to now()")]
public sealed class AddCustomerUpdatedAt : Migration
{
    public override void Up() =>
        Alter.Table("customers").InSchema("billing").AddColumn("updated_at").AsDateTimeOffset().NotNullable().WithDefault(SystemMethods.CurrentDateTime);

    public override void Down() => Delete.Column("updated_at").FromTable("customers").InSchema("billing");
}

[Migration(202502011400, "widen customers.country (a varchar limit that only grows)")]
public sealed class WidenCustomerCountry : Migration
{
    public override void Up() => Alter.Column("country").OnTable("customers").InSchema("billing").AsString(3).Nullable();

    public override void Down() => Execute.Sql("SELECT 1");
}
