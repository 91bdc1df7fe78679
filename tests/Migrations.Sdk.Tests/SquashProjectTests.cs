using System.Text.Json;
using Migrations.Sdk.Tests.Infrastructure;

namespace Migrations.Sdk.Tests;

/// <summary>squash in a real project: the files are replaced, the lock file follows, and databases that ran the originals keep working.</summary>
public sealed class SquashProjectTests
{
    private const string Name = "Ledger.Migrations";

    [Fact]
    public async Task ShippedMigrationsSquashed_DatabaseThatRanThemGetsOnlyTheLaterOne_NewDatabaseGetsTheSquash()
    {
        using var project = TestProject.Create(Name, files: new Dictionary<string, string>
        {
            [$"{Name}/Migrations/20250301000000_CreateAccounts.cs"] = Migration(20250301000000, "CreateAccounts", """Create.Table("accounts").WithColumn("id").AsInt64().PrimaryKey("accounts_pkey").Identity().WithColumn("name").AsString().NotNullable()""", """Delete.Table("accounts")"""),
            [$"{Name}/Migrations/20250302000000_AddBalance.cs"] = Migration(20250302000000, "AddBalance", """Alter.Table("accounts").AddColumn("balance").AsDecimal(12, 2).Nullable()""", """Delete.Column("balance").FromTable("accounts")"""),
            [$"{Name}/Migrations/20250303000000_IndexAccountNames.cs"] = """
                using FluentMigrator;
                using FluentMigrator.Postgres;

                namespace Ledger.Migrations;

                [Migration(20250303000000, TransactionBehavior.None)]
                public sealed class IndexAccountNames : Migration
                {
                    public override void Up() => Create.Index("ix_accounts_name").OnTable("accounts").OnColumn("name").Ascending().WithOptions().AsConcurrently();

                    public override void Down() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_accounts_name");
                }
                """,
            [$"{Name}/Migrations/20250304000000_AddNotes.cs"] = Migration(20250304000000, "AddNotes", """Alter.Table("accounts").AddColumn("notes").AsString().Nullable()""", """Delete.Column("notes").FromTable("accounts")"""),
        });
        await project.BuildAsync();
        await using var shipped = await TestPostgres.CreateDatabaseAsync();
        Assert.Equal(0, (await project.RunBundleAsync(shipped.Url, "deploy", "--target", "20250303000000")).ExitCode);

        var squash = await project.RunBundleAsync(shipped.Url, "squash", "--to", "20250303000000");

        Assert.True(squash.ExitCode == 0, squash.All);
        Assert.Contains("Squashed 3 migration(s) into Migrations/20250303000000_Baseline.cs", squash.Output);
        Assert.False(project.Exists($"{Name}/Migrations/20250301000000_CreateAccounts.cs"));
        Assert.False(project.Exists($"{Name}/Migrations/20250303000000_IndexAccountNames.cs"));
        Assert.True(project.Exists($"{Name}/Migrations/20250304000000_AddNotes.cs"));
        Assert.Contains("[global::Migrations.Squashes(20250301000000, 20250302000000, 20250303000000)]", project.Read($"{Name}/Migrations/20250303000000_Baseline.cs"));

        await project.BuildAsync();
        using (var lockFile = JsonDocument.Parse(project.Read($"{Name}/migrations.lock.json")))
        {
            var entries = lockFile.RootElement.GetProperty("migrations").EnumerateArray().ToList();
            Assert.Equal([20250303000000L, 20250304000000L], entries.Select(entry => entry.GetProperty("version").GetInt64()));
            Assert.Equal("Baseline", entries[0].GetProperty("name").GetString());
            Assert.Equal(3, entries[0].GetProperty("squashes").GetArrayLength());
        }

        // CI builds in locked mode: the committed lock file is current.
        await project.BuildAsync("-p:MigrationsLockedMode=true");

        var deploy = await project.RunBundleAsync(shipped.Url, "deploy");
        Assert.True(deploy.ExitCode == 0, deploy.All);
        Assert.Contains("Deploying 1 migration(s)", deploy.Output);
        Assert.Contains("20250304000000 AddNotes", deploy.Output);
        Assert.Equal(0, (await project.RunBundleAsync(shipped.Url, "status", "--exit-code")).ExitCode);
        var drift = await project.RunBundleAsync(shipped.Url, "drift");
        Assert.True(drift.ExitCode == 0, drift.All);

        await using var fresh = await TestPostgres.CreateDatabaseAsync();
        var freshDeploy = await project.RunBundleAsync(fresh.Url, "deploy");
        Assert.True(freshDeploy.ExitCode == 0, freshDeploy.All);
        Assert.Contains("Deploying 2 migration(s)", freshDeploy.Output);
        Assert.Equal(0, (await project.RunBundleAsync(fresh.Url, "drift")).ExitCode);
    }

    private static string Migration(long version, string name, string up, string down) => $$"""
        using FluentMigrator;

        namespace Ledger.Migrations;

        [Migration({{version}})]
        public sealed class {{name}} : Migration
        {
            public override void Up() => {{up}};

            public override void Down() => {{down}};
        }
        """;
}
