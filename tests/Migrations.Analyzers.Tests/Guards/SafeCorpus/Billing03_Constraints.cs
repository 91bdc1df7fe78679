using FluentMigrator;
using FluentMigrator.Postgres;

namespace Billing.Migrations;

[Migration(202503010900, "payments table")]
public sealed class CreatePayments : Migration
{
    public override void Up()
    {
        Create.Table("payments").InSchema("billing")
            .WithColumn("id").AsInt64().PrimaryKey("pk_payments").Identity()
            .WithColumn("invoice_id").AsInt64().Nullable()
            .WithColumn("amount").AsDecimal(12, 2).NotNullable()
            .WithColumn("received_at").AsDateTimeOffset().NotNullable();
    }

    public override void Down() => Delete.Table("payments").InSchema("billing");
}

[Migration(202503011000, "payments → invoices foreign key, NOT VALID")]
public sealed class AddPaymentInvoiceForeignKey : Migration
{
    public override void Up() =>
        Execute.Sql("ALTER TABLE billing.payments ADD CONSTRAINT fk_payments_invoice FOREIGN KEY (invoice_id) REFERENCES billing.invoices (id) NOT VALID");

    public override void Down() => Execute.Sql("ALTER TABLE billing.payments DROP CONSTRAINT IF EXISTS fk_payments_invoice");
}

[Migration(202503011100, "validate payments → invoices")]
public sealed class ValidatePaymentInvoiceForeignKey : Migration
{
    public override void Up() => Execute.Sql("ALTER TABLE billing.payments VALIDATE CONSTRAINT fk_payments_invoice");

    public override void Down() => Execute.Sql("SELECT 1");
}

[Migration(202503011200, "payments.invoice_id NOT NULL, step 1: check NOT VALID")]
public sealed class AddPaymentInvoiceNotNullCheck : Migration
{
    public override void Up() =>
        Execute.Sql("ALTER TABLE billing.payments ADD CONSTRAINT payments_invoice_id_not_null CHECK (invoice_id IS NOT NULL) NOT VALID");

    public override void Down() => Execute.Sql("ALTER TABLE billing.payments DROP CONSTRAINT IF EXISTS payments_invoice_id_not_null");
}

[Migration(202503011300, "payments.invoice_id NOT NULL, step 2: validate")]
public sealed class ValidatePaymentInvoiceNotNullCheck : Migration
{
    public override void Up() => Execute.Sql("ALTER TABLE billing.payments VALIDATE CONSTRAINT payments_invoice_id_not_null");

    public override void Down() => Execute.Sql("SELECT 1");
}

[Migration(202503011400, "payments.invoice_id NOT NULL, step 3: set NOT NULL without a scan")]
public sealed class SetPaymentInvoiceNotNull : Migration
{
    public override void Up()
    {
        Execute.Sql("ALTER TABLE billing.payments ALTER COLUMN invoice_id SET NOT NULL");
        Execute.Sql("ALTER TABLE billing.payments DROP CONSTRAINT payments_invoice_id_not_null");
    }

    public override void Down() => Execute.Sql("ALTER TABLE billing.payments ALTER COLUMN invoice_id DROP NOT NULL");
}

[Migration(202503011500, TransactionBehavior.None, "unique payment reference, step 1: index concurrently")]
public sealed class IndexPaymentReference : Migration
{
    public override void Up() =>
        Execute.Sql("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_payments_id_amount ON billing.payments (id, amount)");

    public override void Down() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS billing.ux_payments_id_amount");
}

[Migration(202503011600, "unique payment reference, step 2: constraint using the index")]
public sealed class AddPaymentReferenceConstraint : Migration
{
    public override void Up() =>
        Execute.Sql("ALTER TABLE billing.payments ADD CONSTRAINT uq_payments_id_amount UNIQUE USING INDEX ux_payments_id_amount");

    public override void Down() => Execute.Sql("ALTER TABLE billing.payments DROP CONSTRAINT IF EXISTS uq_payments_id_amount");
}
