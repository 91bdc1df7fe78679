using System.Text.RegularExpressions;
using Migrations.Sdk.Tests.Infrastructure;

namespace Migrations.Sdk.Tests;

/// <summary>
/// The first day on an existing database, as a user does it: an empty migrations project, scaffold from the database,
/// build, baseline the database (which checks the migration reproduces it), deploy to an empty one, drift on both.
/// </summary>
public sealed class ScaffoldTests
{
    [Fact]
    public async Task HandBuiltDatabase_ScaffoldedBuiltBaselinedAndDeployed_HasNoDriftAnywhere()
    {
        await using var source = await TestPostgres.CreateDatabaseAsync();
        await source.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "tests", "Migrations.Sdk.Tests", "Fixtures", "HandBuiltSchema.sql")));
        using var project = TestProject.Create("Adopted.Migrations");
        await project.BuildAsync();

        var scaffold = await project.RunBundleAsync(source.Url, "scaffold", "--schema", "public", "--schema", "audit");

        Assert.True(scaffold.ExitCode == 0, scaffold.All);
        var version = Regex.Match(scaffold.Output, @"Adopted\.Migrations baseline (\d{14})").Groups[1].Value;
        Assert.Matches(@"into Migrations/\d{14}_Baseline\.cs: .*3 partitions.*6 tables.*2 views", scaffold.Output);
        var code = project.Read($"Adopted.Migrations/Migrations/{version}_Baseline.cs");
        Assert.Contains("public sealed class Baseline : ForwardOnlyMigration", code);
        Assert.Contains("namespace Adopted.Migrations;", code);
        Assert.Contains("""Create.Table("customers")""", code);
        Assert.Contains("""Create.ForeignKey("orders_customer_id_fkey").FromTable("orders").ForeignColumn("customer_id")""", code);
        Assert.Contains("""Create.Index("customers_vip_idx").OnTable("customers").OnColumn("score").Ascending()""", code);
        // RESTRICT and DEFERRABLE have no fluent call: SQL, exactly as PostgreSQL prints it.
        Assert.Contains("ON UPDATE CASCADE ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED", code);

        await project.BuildAsync();
        var baseline = await project.RunBundleAsync(source.Url, "baseline", version);
        Assert.True(baseline.ExitCode == 0, baseline.All);
        Assert.Contains("after checking that the schema is what they produce", baseline.Output);
        var sourceDrift = await project.RunBundleAsync(source.Url, "drift");
        Assert.True(sourceDrift.ExitCode == 0, sourceDrift.All);

        await using var target = await TestPostgres.CreateDatabaseAsync();
        var deploy = await project.RunBundleAsync(target.Url, "deploy");
        Assert.True(deploy.ExitCode == 0, deploy.All);
        var targetDrift = await project.RunBundleAsync(target.Url, "drift");
        Assert.True(targetDrift.ExitCode == 0, targetDrift.All);
        Assert.Equal(
            await source.ScalarAsync<long>("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'audit') AND c.relname NOT IN ('migrations_history', 'VersionInfo')"),
            await target.ScalarAsync<long>("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'audit') AND c.relname NOT IN ('migrations_history', 'VersionInfo')"));
    }
}
