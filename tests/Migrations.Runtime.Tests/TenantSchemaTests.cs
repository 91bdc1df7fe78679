using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;
using Npgsql;

namespace Migrations.Runtime.Tests;

/// <summary>
/// One schema per tenant (<c>?schema=</c>): every object of a deploy — fluent, raw SQL, history — goes to that schema,
/// and a migration that names another schema is refused before anything runs.
/// </summary>
public sealed class TenantSchemaTests
{
    private const string Tenants = "Migrations.Runtime.Tests.Fixtures.Tenants";
    private const string SharedSchema = "Migrations.Runtime.Tests.Fixtures.SharedSchema";
    private const string Backfills = "Migrations.Runtime.Tests.Fixtures.Backfills";

    [Fact]
    public async Task TwoTenantsDeployedOneAfterTheOther_AreEachCompleteAndSeparate()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        // A table of the same name in public must not be what a tenant's DROP TABLE IF EXISTS reaches.
        await database.ExecuteAsync("CREATE TABLE public.carts (id int)");

        var first = BundleRun.Run(Tenants, "deploy", "-c", database.Url + "?schema=tenant_a");
        var second = BundleRun.Run(Tenants, "deploy", "-c", database.Url + "?schema=tenant_b");

        Assert.True(first.ExitCode == ExitCodes.Success, first.All);
        Assert.True(second.ExitCode == ExitCodes.Success, second.All);
        foreach (var tenant in new[] { "tenant_a", "tenant_b" })
        {
            Assert.Equal("VersionInfo,customers,migrations_history,orders", await database.ScalarAsync<string>($"SELECT string_agg(tablename, ',' ORDER BY tablename COLLATE \"C\") FROM pg_tables WHERE schemaname = '{tenant}'"));
            Assert.Equal(1L, await database.ScalarAsync<long>($"SELECT count(*) FROM {tenant}.customers"));
            Assert.Equal(5L, await database.ScalarAsync<long>($"SELECT count(*) FROM {tenant}.migrations_history WHERE state = 'applied'"));
            Assert.True(await database.ScalarAsync<bool>($"SELECT to_regclass('{tenant}.ix_customers_email') IS NOT NULL"));
            Assert.Equal(ExitCodes.Success, BundleRun.Run(Tenants, "status", "--exit-code", "-c", database.Url + "?schema=" + tenant).ExitCode);
        }

        Assert.Equal("carts", await database.ScalarAsync<string>("SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'"));
        // A checksum belongs to the migration, not to the tenant.
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM tenant_a.migrations_history a JOIN tenant_b.migrations_history b USING (version) WHERE a.checksum IS DISTINCT FROM b.checksum"));
    }

    [Fact]
    public async Task BackfillsOfTwoTenants_EachWalkTheirOwnTableAndKeepProgressBesideTheirOwnHistory()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var first = BundleRun.Run(Backfills, "deploy", "-c", database.Url + "?schema=tenant_a");
        var second = BundleRun.Run(Backfills, "deploy", "-c", database.Url + "?schema=tenant_b");

        Assert.True(first.ExitCode == ExitCodes.Success, first.All);
        Assert.True(second.ExitCode == ExitCodes.Success, second.All);
        foreach (var tenant in new[] { "tenant_a", "tenant_b" })
        {
            Assert.Equal(3000L, await database.ScalarAsync<long>($"SELECT count(*) FROM {tenant}.items WHERE touched = 1"));
            Assert.Equal("up 3000 t", await database.ScalarAsync<string>($"SELECT concat_ws(' ', direction, rows_changed, finished_at IS NOT NULL) FROM {tenant}.migrations_backfill"));
        }

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task RollbackOfOneTenant_LeavesTheOtherAsItWas()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Tenants, "deploy", "-c", database.Url + "?schema=tenant_a");
        BundleRun.Run(Tenants, "deploy", "-c", database.Url + "?schema=tenant_b");

        var rollback = BundleRun.Run(Tenants, "rollback", "--to", "202407010000", "-c", database.Url + "?schema=tenant_a");

        Assert.True(rollback.ExitCode == ExitCodes.Success, rollback.All);
        Assert.Equal("VersionInfo,carts,customers,migrations_history", await database.ScalarAsync<string>("SELECT string_agg(tablename, ',' ORDER BY tablename COLLATE \"C\") FROM pg_tables WHERE schemaname = 'tenant_a'"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM tenant_a.customers"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM tenant_b.customers"));
        Assert.True(await database.ScalarAsync<bool>("SELECT to_regclass('tenant_b.orders') IS NOT NULL AND to_regclass('tenant_b.ix_customers_email') IS NOT NULL"));
        Assert.Equal(ExitCodes.PendingMigrations, BundleRun.Run(Tenants, "status", "--exit-code", "-c", database.Url + "?schema=tenant_a").ExitCode);
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Tenants, "status", "--exit-code", "-c", database.Url + "?schema=tenant_b").ExitCode);
    }

    [Fact]
    public async Task ASearchPathInKeywordForm_NamesTheTenantToo()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var keywords = new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = "tenant_c" }.ConnectionString;

        var deploy = BundleRun.Run(Tenants, "deploy", "-c", keywords);

        Assert.True(deploy.ExitCode == ExitCodes.Success, deploy.All);
        Assert.Equal(4L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'tenant_c'"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task AMigrationThatNamesPublic_IsRefusedForATenantBeforeAnythingIsCreated()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var deploy = BundleRun.Run(SharedSchema, "deploy", "-c", database.Url + "?schema=tenant_a");

        Assert.Equal(ExitCodes.Refused, deploy.ExitCode);
        Assert.Contains("Migration 202408020000 CreateCountriesInPublic changes an object in schema 'public'", deploy.Error);
        Assert.Contains("but the connection names schema 'tenant_a'", deploy.Error);
        Assert.Contains("--allow-schema public", deploy.Error);
        Assert.Contains("Nothing was changed.", deploy.Error);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname = 'tenant_a'"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task AllowSchema_LetsAMigrationChangeASharedSchemaOnPurpose()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var deploy = BundleRun.Run(SharedSchema, "deploy", "-c", database.Url + "?schema=tenant_a", "--allow-schema", "public");

        Assert.True(deploy.ExitCode == ExitCodes.Success, deploy.All);
        Assert.True(await database.ScalarAsync<bool>("SELECT to_regclass('public.countries') IS NOT NULL AND to_regclass('tenant_a.invoices') IS NOT NULL AND to_regclass('public.invoices') IS NULL"));
    }

    [Fact]
    public async Task WithoutASchemaInTheConnection_MigrationsMayNameAnySchema()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        var deploy = BundleRun.Run(SharedSchema, "deploy", "-c", database.Url + "?schema=public");

        Assert.True(deploy.ExitCode == ExitCodes.Success, deploy.All);
        Assert.True(await database.ScalarAsync<bool>("SELECT to_regclass('public.countries') IS NOT NULL AND to_regclass('public.invoices') IS NOT NULL"));
    }
}
