using Npgsql;

namespace Migrations.Runtime.Tests.Infrastructure;

/// <summary>
/// Databases for fleet runs: owned by a role of their own whose password is distinctive, so a test can prove it never
/// appears in any output; and a targets file listing them, in a temporary folder removed afterwards.
/// </summary>
public sealed class FleetDatabases : IAsyncDisposable
{
    private readonly List<TestDatabase> _databases = [];

    private FleetDatabases(string role, string password, string folder)
    {
        Role = role;
        Password = password;
        Folder = folder;
    }

    public string Role { get; }

    public string Password { get; }

    public string Folder { get; }

    public IReadOnlyList<TestDatabase> Databases => _databases;

    public string TargetsFile => Path.Combine(Folder, "targets.txt");

    public static async Task<FleetDatabases> CreateAsync(int databases)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var fleet = new FleetDatabases("fleet_" + suffix, "Fl33t-pw-" + suffix, Directory.CreateTempSubdirectory("fleet-").FullName);
        await using (var connection = new NpgsqlConnection(TestPostgres.ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE ROLE {fleet.Role} LOGIN PASSWORD '{fleet.Password}'", connection);
            await command.ExecuteNonQueryAsync();
        }

        for (var index = 0; index < databases; index++)
        {
            var database = await TestPostgres.CreateDatabaseAsync();
            // PostgreSQL 15: the public schema belongs to the database owner, so the owner may create in it.
            await database.ExecuteAsync($"ALTER DATABASE {database.Name} OWNER TO {fleet.Role}");
            fleet._databases.Add(database);
        }

        return fleet;
    }

    /// <summary>postgresql://role:password@host:port/database[?schema=…]: what a user puts on each line.</summary>
    public string Url(TestDatabase database, string? schema = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"postgresql://{Role}:{Password}@{builder.Host}:{builder.Port}/{database.Name}{(schema is null ? string.Empty : "?schema=" + schema)}";
    }

    /// <summary>What the bundle prints for a target: user@host:port/database.</summary>
    public string Address(TestDatabase database)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"{Role}@{builder.Host}:{builder.Port}/{database.Name}";
    }

    public string WriteTargets(params string[] lines)
    {
        File.WriteAllLines(TargetsFile, lines);
        return TargetsFile;
    }

    public string WriteTargets() => WriteTargets(["# the fleet", .. _databases.Select(database => Url(database))]);

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        await using (var connection = new NpgsqlConnection(TestPostgres.ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP ROLE IF EXISTS {Role}", connection);
            await command.ExecuteNonQueryAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
