using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>deploy through a real PgBouncer: transaction pooling is refused before anything changes, session pooling works.</summary>
public sealed class TransactionPoolingTests
{
    private const string Basic = "Migrations.Runtime.Tests.Fixtures.Basic";

    [Fact]
    public async Task DeployThroughTransactionPooling_IsRefusedAndChangesNothing()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        using var proxy = await PgBouncerProxy.StartAsync("transaction");

        var result = BundleRun.Run(Basic, "deploy", "-c", proxy.UrlTo(database.Name));

        Assert.True(result.ExitCode == ExitCodes.Refused, result.All);
        Assert.Contains("error: The connection goes through a transaction-pooling proxy", result.Error);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task DeployThroughSessionPooling_Works()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        using var proxy = await PgBouncerProxy.StartAsync("session");

        var result = BundleRun.Run(Basic, "deploy", "-c", proxy.UrlTo(database.Name));

        Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "status", "--exit-code", "-c", database.Url).ExitCode);
    }

    [Fact]
    public async Task DeployAsARoleAllowedOneConnection_StillDeploys()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var role = "one_" + database.Name;
        await database.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD 'secret-one' CONNECTION LIMIT 1; GRANT ALL ON SCHEMA public TO {role}; GRANT CREATE ON DATABASE {database.Name} TO {role}");
        try
        {
            var server = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
            var result = BundleRun.Run(Basic, "deploy", "-c", $"postgresql://{role}:secret-one@{server.Host}:{server.Port}/{database.Name}");

            Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        }
        finally
        {
            await database.ExecuteAsync($"REASSIGN OWNED BY {role} TO CURRENT_USER; DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }
}
