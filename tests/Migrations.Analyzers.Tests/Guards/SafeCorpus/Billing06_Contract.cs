using FluentMigrator;
using FluentMigrator.Postgres;
using Migrations;

namespace Billing.Migrations;

[Migration(202506010900, "coupons, with a partial index on the new table")]
public sealed class CreateCoupons : Migration
{
    public override void Up()
    {
        Create.Table("coupons").InSchema("billing")
            .WithColumn("id").AsInt64().PrimaryKey("pk_coupons").Identity()
            .WithColumn("code").AsString().NotNullable()
            .WithColumn("expires_at").AsDateTimeOffset().Nullable()
            .WithColumn("public_id").AsGuid().NotNullable().WithDefault(SystemMethods.NewGuid);

        Create.Index("ix_coupons_code_active").OnTable("coupons").InSchema("billing")
            .OnColumn("code").Ascending()
            .WithOptions().Filter("expires_at IS NULL");
    }

    public override void Down() => Delete.Table("coupons").InSchema("billing");
}

[Migration(202506011000, TransactionBehavior.None, "GIN index on plan features, concurrently")]
public sealed class IndexPlanFeatures : Migration
{
    public override void Up() =>
        Create.Index("ix_plans_features").OnTable("plans").InSchema("billing")
            .OnColumn("features").Ascending()
            .WithOptions().AsConcurrently().UsingGin();

    public override void Down() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS billing.ix_plans_features");
}

[Migration(202506011100, "drop the legacy coupon table after the app stopped using it")]
[AllowUnsafe("PGM033", Reason = "legacy_coupons has been read-only since release 3.1 and was archived to S3")]
public sealed class DropLegacyCoupons : ForwardOnlyMigration
{
    public override void Up() => Delete.Table("legacy_coupons").InSchema("billing");
}

[Migration(202506011200, "rename a column nobody reads yet")]
public sealed class RenameCouponExpiry : Migration
{
    [AllowUnsafe("PGM031", Reason = "coupons.expires_at shipped in this release train and no deployed code reads it")]
    public override void Up() => Rename.Column("expires_at").OnTable("coupons").InSchema("billing").To("valid_until");

    public override void Down() => Rename.Column("valid_until").OnTable("coupons").InSchema("billing").To("expires_at");
}

[Migration(202506011300, "lock and statement timeouts for a slow statement")]
public sealed class TuneInvoiceStatistics : Migration
{
    public override void Up() => Execute.Sql("ALTER TABLE billing.invoices ALTER COLUMN amount SET STATISTICS 500");

    public override void Down() => Execute.Sql("ALTER TABLE billing.invoices ALTER COLUMN amount SET STATISTICS -1");
}

[Migration(202506011400, "analyze after bulk load")]
public sealed class AnalyzeInvoices : Migration
{
    public override void Up() => Execute.Sql("ANALYZE billing.invoices");

    public override void Down() => Execute.Sql("SELECT 1");
}

[Migration(202506011500, "grant read access to reporting")]
public sealed class GrantReporting : Migration
{
    public override void Up() => Execute.Sql("GRANT USAGE ON SCHEMA billing TO reporting; GRANT SELECT ON ALL TABLES IN SCHEMA billing TO reporting;");

    public override void Down() => Execute.Sql("REVOKE SELECT ON ALL TABLES IN SCHEMA billing FROM reporting; REVOKE USAGE ON SCHEMA billing FROM reporting;");
}
