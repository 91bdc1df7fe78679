using Npgsql;

namespace Migrations.Runtime.Tests.Infrastructure;

/// <summary>Polls the database while a bundle run goes on, until a condition holds (the history tables may not exist yet).</summary>
public static class DatabaseWait
{
    public static async Task UntilAsync(string connectionString, string condition, Task running)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!running.IsCompleted && DateTime.UtcNow < deadline)
        {
            try
            {
                await using var command = new NpgsqlCommand(condition, connection);
                if ((bool)(await command.ExecuteScalarAsync())!)
                {
                    return;
                }
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // Created once the deploy holds its lock.
            }

            await Task.Delay(20);
        }
    }
}
