using FluentMigrator;
using FluentMigrator.Postgres;

namespace Billing.Migrations;

[Migration(202501010900, "billing schema")]
public sealed class CreateBillingSchema : Migration
{
    public override void Up() => Create.Schema("billing");

    public override void Down() => Execute.Sql("DROP SCHEMA IF EXISTS billing");
}

[Migration(202501011000, "customers")]
public sealed class CreateCustomers : Migration
{
    public override void Up()
    {
        Create.Table("customers").InSchema("billing")
            .WithColumn("id").AsInt64().PrimaryKey("pk_customers").Identity()
            .WithColumn("email").AsString().NotNullable().Unique("ux_customers_email")
            .WithColumn("display_name").AsString().Nullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable().WithDefault(SystemMethods.CurrentDateTimeOffset);
    }

    public override void Down() => Delete.Table("customers").InSchema("billing");
}

[Migration(202501011100, "plans and subscriptions")]
public sealed class CreatePlansAndSubscriptions : Migration
{
    public override void Up()
    {
        Create.Table("plans").InSchema("billing")
            .WithColumn("id").AsInt64().PrimaryKey("pk_plans").Identity()
            .WithColumn("code").AsString().NotNullable().Unique("ux_plans_code")
            .WithColumn("monthly_price").AsDecimal(12, 2).NotNullable()
            .WithColumn("features").AsCustom("jsonb").NotNullable().WithDefaultValue("{}");

        Create.Table("subscriptions").InSchema("billing")
            .WithColumn("id").AsInt64().PrimaryKey("pk_subscriptions").Identity()
            .WithColumn("customer_id").AsInt64().NotNullable().ForeignKey("fk_subscriptions_customer", "billing", "customers", "id")
            .WithColumn("plan_id").AsInt64().NotNullable().ForeignKey("fk_subscriptions_plan", "billing", "plans", "id")
            .WithColumn("started_at").AsDateTimeOffset().NotNullable()
            .WithColumn("cancelled_at").AsDateTimeOffset().Nullable();

        Create.Index("ix_subscriptions_customer").OnTable("subscriptions").InSchema("billing").OnColumn("customer_id").Ascending();
    }

    public override void Down()
    {
        Delete.Table("subscriptions").InSchema("billing");
        Delete.Table("plans").InSchema("billing");
    }
}

[Migration(202501011200, "seed plans")]
public sealed class SeedPlans : Migration
{
    public override void Up()
    {
        Insert.IntoTable("plans").InSchema("billing")
            .Row(new { code = "free", monthly_price = 0m, features = "{}" })
            .Row(new { code = "pro", monthly_price = 19m, features = "{\"dubbing_minutes\": 600}" });
    }

    public override void Down() => Delete.FromTable("plans").InSchema("billing").Row(new { code = "free" }).Row(new { code = "pro" });
}

[Migration(202501011300, "invoices")]
public sealed class CreateInvoices : AutoReversingMigration
{
    public override void Up()
    {
        Create.Table("invoices").InSchema("billing")
            .WithColumn("id").AsInt64().PrimaryKey("pk_invoices").Identity()
            .WithColumn("subscription_id").AsInt64().NotNullable().ForeignKey("fk_invoices_subscription", "billing", "subscriptions", "id")
            .WithColumn("amount").AsDecimal(12, 2).NotNullable()
            .WithColumn("issued_at").AsDateTimeOffset().NotNullable()
            .WithColumn("paid_at").AsDateTimeOffset().Nullable();

        Create.Index("ix_invoices_subscription").OnTable("invoices").InSchema("billing").OnColumn("subscription_id").Ascending();
    }
}

[Migration(202501011400, "invoice number sequence")]
public sealed class CreateInvoiceNumberSequence : Migration
{
    public override void Up() => Create.Sequence("invoice_number").InSchema("billing").StartWith(1000).IncrementBy(1);

    public override void Down() => Delete.Sequence("invoice_number").InSchema("billing");
}
