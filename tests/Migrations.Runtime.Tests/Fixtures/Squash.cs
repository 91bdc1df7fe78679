using FluentMigrator;

// The same schema twice: as it was written over time, and after 'squash' replaced the first two migrations by one.
namespace Migrations.Runtime.Tests.Fixtures.Unsquashed
{
    [Migration(202403010000, "invoices")]
    public sealed class CreateInvoices : Migration
    {
        public override void Up() => Create.Table("invoices").WithColumn("id").AsInt64().PrimaryKey("invoices_pkey").Identity();

        public override void Down() => Delete.Table("invoices");
    }

    [Migration(202403020000, "invoice totals")]
    public sealed class AddInvoiceTotal : Migration
    {
        public override void Up() => Alter.Table("invoices").AddColumn("total").AsDecimal(10, 2).Nullable();

        public override void Down() => Delete.Column("total").FromTable("invoices");
    }

    [Migration(202403030000, "invoice numbers")]
    public sealed class AddInvoiceNumber : Migration
    {
        public override void Up() => Alter.Table("invoices").AddColumn("number").AsString().Nullable();

        public override void Down() => Delete.Column("number").FromTable("invoices");
    }
}

namespace Migrations.Runtime.Tests.Fixtures.Squashed
{
    [Squashes(202403010000, 202403020000)]
    [Migration(202403020000, "squash of 2 migrations up to 202403020000")]
    public sealed class Baseline : ForwardOnlyMigration
    {
        public override void Up() =>
            Create.Table("invoices")
                .WithColumn("id").AsInt64().NotNullable().Identity().PrimaryKey("invoices_pkey")
                .WithColumn("total").AsDecimal(10, 2).Nullable();
    }

    [Migration(202403030000, "invoice numbers")]
    public sealed class AddInvoiceNumber : Migration
    {
        public override void Up() => Alter.Table("invoices").AddColumn("number").AsString().Nullable();

        public override void Down() => Delete.Column("number").FromTable("invoices");
    }
}
