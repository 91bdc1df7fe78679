using Migrations.Sdk.Tests.Infrastructure;

namespace Migrations.Sdk.Tests;

/// <summary>
/// MigrationsShippedThrough in a real build and deploy: tables of the unshipped change count as empty at build time,
/// and deploy refuses where the target database shows that assumption to be wrong.
/// </summary>
public sealed class ShippedThroughTests
{
    private const string Project = "Shop.Migrations";

    private const string Migrations = """
        using FluentMigrator;

        namespace Shop.Migrations;

        [Migration(20250101000000, "customers")]
        public sealed class CreateCustomers : Migration
        {
            public override void Up() => Create.Table("customers").WithColumn("id").AsInt64().PrimaryKey().Identity();

            public override void Down() => Delete.Table("customers");
        }

        [Migration(20250201000000, "orders")]
        public sealed class CreateOrders : Migration
        {
            public override void Up() => Create.Table("orders")
                .WithColumn("id").AsInt64().PrimaryKey().Identity()
                .WithColumn("customer_id").AsInt64().NotNullable();

            public override void Down() => Delete.Table("orders");
        }

        [Migration(20250202000000, "orders by customer")]
        public sealed class IndexOrdersByCustomer : Migration
        {
            public override void Up() => Create.Index("ix_orders_customer").OnTable("orders").OnColumn("customer_id");

            public override void Down() => Delete.Index("ix_orders_customer").OnTable("orders");
        }
        """;

    [Fact]
    public async Task AnIndexOnATableOfTheSameChange_BuildsClean_ButDeployRefusesWhereThatTableAlreadyShipped()
    {
        using var project = TestProject.Create(Project, "<PropertyGroup><MigrationsShippedThrough>20250101000000</MigrationsShippedThrough></PropertyGroup>",
            new Dictionary<string, string> { [$"{Project}/Migrations/Shop.cs"] = Migrations });

        var build = await project.BuildAsync();
        Assert.DoesNotContain("PGM001", build.Output);

        // A fresh environment gets the whole change at once: the table is empty when the index is built.
        await using var fresh = await TestPostgres.CreateDatabaseAsync();
        var whole = await project.RunBundleAsync(fresh.Url, "deploy");
        Assert.True(whole.ExitCode == 0, whole.All);

        // Here the orders table went out with an earlier deploy and has rows by now.
        await using var ahead = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(0, (await project.RunBundleAsync(ahead.Url, "deploy", "--target", "20250201000000")).ExitCode);
        var refused = await project.RunBundleAsync(ahead.Url, "deploy");

        Assert.Equal(9, refused.ExitCode);
        Assert.Contains("built with MigrationsShippedThrough=20250101000000, but this database has already applied migrations up to 20250201000000", refused.Error);
        Assert.Contains("20250202000000 IndexOrdersByCustomer is not safe here: PGM001: Creating index 'ix_orders_customer' on existing table 'orders'", refused.Error);
        Assert.Equal(0L, await ahead.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_orders_customer'"));

        var trusted = await project.RunBundleAsync(ahead.Url, "deploy", "--trust-build");
        Assert.True(trusted.ExitCode == 0, trusted.All);
        Assert.Equal(1L, await ahead.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_orders_customer'"));
    }
}
