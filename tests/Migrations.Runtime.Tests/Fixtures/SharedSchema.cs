using FluentMigrator;

namespace Migrations.Runtime.Tests.Fixtures.SharedSchema;

[Migration(202408010000, "tenant's own table")]
public sealed class CreateInvoices : Migration
{
    public override void Up() => Create.Table("invoices").WithColumn("id").AsInt64().PrimaryKey();

    public override void Down() => Delete.Table("invoices");
}

/// <summary>Names "public" itself: with a schema per tenant, every tenant would reach for the same table.</summary>
[Migration(202408020000, "countries, in public")]
public sealed class CreateCountriesInPublic : Migration
{
    public override void Up() => Create.Table("countries").InSchema("public").WithColumn("code").AsFixedLengthString(2).PrimaryKey();

    public override void Down() => Delete.Table("countries").InSchema("public");
}
