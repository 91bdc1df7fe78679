namespace Migrations.Sdk.Tests.Infrastructure;

/// <summary>
/// One project built with the packed SDK and shared by the tests that only run it: a table, a slow transactional
/// migration (so deployers overlap and can be killed mid-way) and a concurrent index build.
/// </summary>
public sealed class StandardBundle : IAsyncLifetime
{
    public const string Name = "Accounts.Migrations";

    public TestProject Project { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Project = TestProject.Create(Name, files: new Dictionary<string, string>
        {
            [$"{Name}/Migrations/20250101000000_CreateAccounts.cs"] = """
                using FluentMigrator;

                namespace Accounts.Migrations;

                [Migration(20250101000000, "accounts")]
                public sealed class CreateAccounts : Migration
                {
                    public override void Up() =>
                        Create.Table("accounts")
                            .WithColumn("id").AsInt64().PrimaryKey().Identity()
                            .WithColumn("email").AsString().NotNullable();

                    public override void Down() => Delete.Table("accounts");
                }
                """,
            [$"{Name}/Migrations/20250102000000_AddAccountNickname.cs"] = """
                using FluentMigrator;

                namespace Accounts.Migrations;

                [Migration(20250102000000, "nickname, slowly")]
                public sealed class AddAccountNickname : Migration
                {
                    public override void Up()
                    {
                        Alter.Table("accounts").AddColumn("nickname").AsString().Nullable();
                        // Stands in for real work, so that concurrent deployers overlap and a kill lands mid-migration.
                        Execute.Sql("SELECT pg_sleep(2)");
                    }

                    public override void Down() => Delete.Column("nickname").FromTable("accounts");
                }
                """,
            [$"{Name}/Migrations/20250103000000_IndexAccountEmails.cs"] = """
                using FluentMigrator;
                using FluentMigrator.Postgres;

                namespace Accounts.Migrations;

                [Migration(20250103000000, TransactionBehavior.None, "email index")]
                public sealed class IndexAccountEmails : Migration
                {
                    public override void Up() =>
                        Create.Index("ix_accounts_email").OnTable("accounts").OnColumn("email").Ascending().WithOptions().AsConcurrently();

                    public override void Down() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_accounts_email");
                }
                """,
        });
        await Project.BuildAsync();
    }

    public Task DisposeAsync()
    {
        Project.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class StandardBundleCollection : ICollectionFixture<StandardBundle>
{
    public const string Name = "standard bundle";
}
