using Migrations.Runtime.Connection;
using Npgsql;

namespace Migrations.Runtime.Postgres;

/// <summary>A database created for one run and dropped (WITH FORCE: our own sessions may linger in pools) on dispose.</summary>
internal sealed class TemporaryDatabase(ConnectionSettings server, ConnectionSettings settings) : IAsyncDisposable
{
    public ConnectionSettings Settings { get; } = settings;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync(CancellationToken.None);
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Settings.Database}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The server went away (a private cluster being removed takes the database with it).
        }
    }
}
