using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;
using Npgsql;

namespace Migrations.Runtime.Tests;

/// <summary>Deploy roles with the privileges production gives them, not superusers; and reset must not take privileges away.</summary>
public sealed class PrivilegeTests
{
    private const string Basic = "Migrations.Runtime.Tests.Fixtures.Basic";
    private const string Seeded = "Migrations.Runtime.Tests.Fixtures.Seeded";

    [Fact]
    public async Task DeployAsARoleThatMayCreateTablesButNotSchemas_Works()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var role = await TemporaryRole.CreateAsync(database, "GRANT CREATE, USAGE ON SCHEMA public TO {0}");

        var result = BundleRun.Run(Basic, "deploy", "-c", role.UrlTo(database));

        Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        Assert.True(await database.ScalarAsync<bool>($"SELECT has_database_privilege('{role.Name}', current_database(), 'CREATE') = false"));
    }

    [Fact]
    public async Task StatusAsARoleThatMayNotReadTheHistory_IsARefusalThatNamesThePrivilege()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Basic, "deploy", "-c", database.Url);
        await using var role = await TemporaryRole.CreateAsync(database, "GRANT USAGE ON SCHEMA public TO {0}");

        var result = BundleRun.Run(Basic, "status", "-c", role.UrlTo(database));

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Equal("error: PostgreSQL refused: permission denied for table migrations_history. Connect as a role that has this privilege, or have the owner grant it.", result.Error.Trim());
    }

    [Fact]
    public async Task Reset_KeepsTheSchemaOwnerAndGrants()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var application = await TemporaryRole.CreateAsync(database, "GRANT USAGE ON SCHEMA public TO {0}");
        BundleRun.Run(Seeded, "deploy", "-c", database.Url);
        const string Acl = "SELECT pg_get_userbyid(nspowner) || ' ' || nspacl::text FROM pg_namespace WHERE nspname = 'public'";
        var before = await database.ScalarAsync<string>(Acl);

        var reset = BundleRun.Run(Seeded, "reset", "--force", "-c", database.Url);

        Assert.True(reset.ExitCode == ExitCodes.Success, reset.All);
        Assert.Equal(before, await database.ScalarAsync<string>(Acl));
        Assert.True(await database.ScalarAsync<bool>($"SELECT has_schema_privilege('{application.Name}', 'public', 'USAGE')"));
    }

    [Fact]
    public async Task ResetWithAProfileTheBundleLacks_FailsBeforeDroppingAnything()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        BundleRun.Run(Seeded, "deploy", "-c", database.Url);
        await database.ExecuteAsync("INSERT INTO colours (name) VALUES ('keep me')");

        var result = BundleRun.Run(Seeded, "reset", "--force", "--profile", "sede", "-c", database.Url);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("The bundle has no [Profile(\"sede\")] class. Profiles it has: seed.", result.Error);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM colours WHERE name = 'keep me'"));
    }

    [Fact]
    public async Task ProtectByTheDatabaseOwner_SaysWhichGrantItNeedsAndWorksOnceGranted()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var owner = await TemporaryRole.CreateAsync(database, $"ALTER DATABASE {database.Name} OWNER TO {{0}}");
        try
        {
            var refused = BundleRun.Run(Basic, "protect", "-c", owner.UrlTo(database));

            Assert.Equal(ExitCodes.Refused, refused.ExitCode);
            Assert.Contains($"GRANT SET ON PARAMETER migrations_sdk.protected TO \"{owner.Name}\";", refused.Error);

            await database.ExecuteAsync($"GRANT SET ON PARAMETER migrations_sdk.protected TO {owner.Name}");
            var protect = BundleRun.Run(Basic, "protect", "-c", owner.UrlTo(database));
            Assert.True(protect.ExitCode == ExitCodes.Success, protect.All);
        }
        finally
        {
            await database.ExecuteAsync($"REVOKE SET ON PARAMETER migrations_sdk.protected FROM {owner.Name}");
        }
    }

    /// <summary>A login role for one test, with the grants it names ({0} is the role), dropped with everything it owns afterwards.</summary>
    private sealed class TemporaryRole : IAsyncDisposable
    {
        private readonly TestDatabase _database;

        private TemporaryRole(TestDatabase database, string name)
        {
            _database = database;
            Name = name;
        }

        public string Name { get; }

        public static async Task<TemporaryRole> CreateAsync(TestDatabase database, string grants)
        {
            var role = new TemporaryRole(database, "r_" + Guid.NewGuid().ToString("N")[..12]);
            await database.ExecuteAsync($"CREATE ROLE {role.Name} LOGIN PASSWORD 'role-secret'; " + string.Format(System.Globalization.CultureInfo.InvariantCulture, grants, role.Name));
            return role;
        }

        public string UrlTo(TestDatabase database)
        {
            var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            return $"postgresql://{Name}:role-secret@{server.Host}:{server.Port}/{database.Name}";
        }

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await _database.ExecuteAsync($"REASSIGN OWNED BY {Name} TO CURRENT_USER; DROP OWNED BY {Name}; DROP ROLE {Name}");
        }
    }
}
