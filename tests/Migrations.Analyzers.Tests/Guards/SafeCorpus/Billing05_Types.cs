using FluentMigrator;
using FluentMigrator.Postgres;

namespace Billing.Migrations;

[Migration(202505010900, "invoice status enum")]
public sealed class CreateInvoiceStatus : Migration
{
    public override void Up() => Execute.Sql("CREATE TYPE billing.invoice_status AS ENUM ('draft', 'open', 'paid')");

    public override void Down() => Execute.Sql("DROP TYPE IF EXISTS billing.invoice_status");
}

[Migration(202505011000, TransactionBehavior.None, "invoice status: add 'void' on its own")]
public sealed class AddVoidInvoiceStatus : Migration
{
    public override void Up() => Execute.Sql("ALTER TYPE billing.invoice_status ADD VALUE IF NOT EXISTS 'void'");

    public override void Down() => Execute.Sql("SELECT 1");
}

[Migration(202505011100, "invoices.status, nullable")]
public sealed class AddInvoiceStatus : Migration
{
    public override void Up() => Alter.Table("invoices").InSchema("billing").AddColumn("status").AsCustom("billing.invoice_status").Nullable();

    public override void Down() => Delete.Column("status").FromTable("invoices").InSchema("billing");
}

[Migration(202505011200, "monthly revenue view")]
public sealed class CreateMonthlyRevenueView : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE MATERIALIZED VIEW billing.monthly_revenue AS
        SELECT date_trunc('month', issued_at) AS month, sum(amount) AS revenue FROM billing.invoices GROUP BY 1;
        CREATE UNIQUE INDEX ux_monthly_revenue_month ON billing.monthly_revenue (month);
        """);

    public override void Down() => Execute.Sql("DROP MATERIALIZED VIEW IF EXISTS billing.monthly_revenue");
}

[Migration(202505011300, "refresh the view without blocking readers")]
public sealed class RefreshMonthlyRevenue : Migration
{
    public override void Up() => Execute.Sql("REFRESH MATERIALIZED VIEW CONCURRENTLY billing.monthly_revenue");

    public override void Down() => Execute.Sql("SELECT 1");
}

[Migration(202505011400, TransactionBehavior.None, "drop an unused index concurrently")]
public sealed class DropUnusedInvoiceIndex : Migration
{
    public override void Up() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS billing.ix_invoices_subscription");

    public override void Down() => Execute.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_invoices_subscription ON billing.invoices (subscription_id)");
}
