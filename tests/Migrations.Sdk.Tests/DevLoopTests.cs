using Migrations.Sdk.Tests.Infrastructure;

namespace Migrations.Sdk.Tests;

/// <summary>
/// The daily loop with a real build: edit a migration that has not shipped after it was built and applied, build (the lock
/// file follows, no hand edit), 'dev' (the database follows). What has shipped stays guarded on both sides.
/// </summary>
public sealed class DevLoopTests
{
    private const string Project = "Billing.Migrations";

    private static string Migrations(string paymentColumns = "") => $$"""
        using FluentMigrator;

        namespace Billing.Migrations;

        [Migration(20250301000000, "invoices")]
        public sealed class CreateInvoices : Migration
        {
            public override void Up() => Create.Table("invoices").WithColumn("id").AsInt64().PrimaryKey().Identity();

            public override void Down() => Delete.Table("invoices");
        }

        [Migration(20250302000000, "payments")]
        public sealed class CreatePayments : Migration
        {
            public override void Up() => Create.Table("payments").WithColumn("id").AsInt64().PrimaryKey().Identity(){{paymentColumns}};

            public override void Down() => Delete.Table("payments");
        }
        """;

    [Fact]
    public async Task EditingAnUnshippedMigrationAfterBuildAndDeploy_NeedsABuildAndDev_AndAChangedShippedOneIsRefusedByDev()
    {
        using var project = TestProject.Create(Project, "<PropertyGroup><MigrationsShippedThrough>20250301000000</MigrationsShippedThrough></PropertyGroup>",
            new Dictionary<string, string> { [$"{Project}/Migrations/Billing.cs"] = Migrations() });
        await project.BuildAsync();
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var first = await project.RunBundleAsync(database.Url, "dev");
        Assert.True(first.ExitCode == 0, first.All);

        project.Write($"{Project}/Migrations/Billing.cs", Migrations(""".WithColumn("amount").AsDecimal(12, 2).NotNullable()"""));
        var build = await project.BuildAsync();
        Assert.Contains("migrations.lock.json: re-recorded 20250302000000 'CreatePayments' (first difference at line 1:", build.Output);
        var dev = await project.RunBundleAsync(database.Url, "dev");

        Assert.True(dev.ExitCode == 0, dev.All);
        Assert.Contains("Rolled back 1 migration(s), newest first: 20250302000000 CreatePayments (edited since applied).", dev.Output);
        Assert.Contains("Deployed 1 migration(s)", dev.Output);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'payments' AND column_name = 'amount'"));

        // What the database shows when the shipped migration it ran is not the one in the code any more.
        await database.ExecuteAsync("UPDATE migrations_history SET checksum = 'before review' WHERE version = 20250301000000");
        var history = await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history");
        var drift = await project.RunBundleAsync(database.Url, "dev");

        Assert.Equal(7, drift.ExitCode);
        Assert.Contains("error: Migration 20250301000000 CreateInvoices was edited after it was applied here, and it has shipped (at or below MigrationsShippedThrough 20250301000000): that is drift, not development.", drift.Error);
        Assert.Equal(history, await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history"));
    }
}
