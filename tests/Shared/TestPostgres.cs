using System.Diagnostics;
using Npgsql;

namespace Migrations.Tests.Shared;

/// <summary>
/// The real PostgreSQL server the tests use: MIGRATIONS_TEST_POSTGRES (set by build/test.sh), or the private cluster
/// build/postgres.sh starts. Each test gets a database of its own and drops it afterwards.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<string> Server = new(Locate);

    public static string ServerConnectionString => Server.Value;

    public static Task<TestDatabase> CreateDatabaseAsync() => CreateDatabaseAsync("t_" + Guid.NewGuid().ToString("N")[..16]);

    /// <summary>A database with a name the test chooses (lower-case letters, digits and underscores).</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
        return new TestDatabase(name, builder.ConnectionString);
    }

    /// <summary>A role for grants and policies (roles belong to the server, not to a test's database); created once, kept.</summary>
    public static async Task EnsureRoleAsync(string role)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DO $$ BEGIN CREATE ROLE {role} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("MIGRATIONS_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var script = Path.Combine(RepositoryRoot.Path, "build", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", script) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"build/postgres.sh failed with exit code {process.ExitCode}");
        }

        return output.Split('\n')[^1];
    }
}

public sealed class TestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public string Url
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"postgresql://{builder.Username}:{builder.Password}@{builder.Host}:{builder.Port}/{builder.Database}";
        }
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
