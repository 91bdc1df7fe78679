using FluentMigrator;

namespace Billing.Migrations;

[Migration(202504010900, TransactionBehavior.None, "backfill customers.country in batches")]
public sealed class BackfillCustomerCountry : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            DO $$
            DECLARE updated integer;
            BEGIN
              LOOP
                UPDATE billing.customers SET country = 'DE'
                WHERE id IN (SELECT id FROM billing.customers WHERE country IS NULL ORDER BY id LIMIT 1000);
                GET DIAGNOSTICS updated = ROW_COUNT;
                EXIT WHEN updated = 0;
                COMMIT;
              END LOOP;
            END $$;
            """);
    }

    public override void Down() => Execute.Sql("SELECT 1");
}

[Migration(202504011000, "fix one plan's price")]
public sealed class FixProPlanPrice : Migration
{
    public override void Up() => Update.Table("plans").InSchema("billing").Set(new { monthly_price = 21m }).Where(new { code = "pro" });

    public override void Down() => Update.Table("plans").InSchema("billing").Set(new { monthly_price = 19m }).Where(new { code = "pro" });
}

[Migration(202504011100, "remove a test customer")]
public sealed class RemoveTestCustomer : ForwardOnlyMigration
{
    public override void Up() => Delete.FromTable("customers").InSchema("billing").Row(new { email = "test@example.com" });
}

[Migration(202504011200, "purge expired trial invoices with a predicate")]
public sealed class PurgeExpiredTrials : ForwardOnlyMigration
{
    public override void Up() =>
        Execute.Sql("DELETE FROM billing.invoices WHERE amount = 0 AND issued_at < now() - interval '2 years'");
}

[Migration(202504011300, "audit log with trigger on a new table")]
public sealed class CreateAuditLog : Migration
{
    public override void Up()
    {
        Create.Table("audit_log").InSchema("billing")
            .WithColumn("id").AsInt64().PrimaryKey("pk_audit_log").Identity()
            .WithColumn("entity").AsString().NotNullable()
            .WithColumn("payload").AsCustom("jsonb").NotNullable()
            .WithColumn("recorded_at").AsDateTimeOffset().NotNullable().WithDefault(SystemMethods.CurrentDateTimeOffset);

        Execute.Sql("""
            CREATE FUNCTION billing.audit_touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
              NEW.recorded_at := now();
              RETURN NEW;
            END $fn$;
            CREATE TRIGGER audit_log_touch BEFORE INSERT ON billing.audit_log FOR EACH ROW EXECUTE FUNCTION billing.audit_touch();
            """);
    }

    public override void Down()
    {
        Delete.Table("audit_log").InSchema("billing");
        Execute.Sql("DROP FUNCTION IF EXISTS billing.audit_touch()");
    }
}

[Migration(202504011400, "comments for the data catalog")]
public sealed class CommentBillingTables : Migration
{
    public override void Up() =>
        Execute.Sql("COMMENT ON TABLE billing.invoices IS 'One row per issued invoice; never TRUNCATE or DROP TABLE this'");

    public override void Down() => Execute.Sql("COMMENT ON TABLE billing.invoices IS NULL");
}
