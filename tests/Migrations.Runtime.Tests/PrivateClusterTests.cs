using System.Net.Sockets;
using System.Text.RegularExpressions;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Output;
using Migrations.Runtime.Postgres;
using Migrations.Runtime.Tests.Infrastructure;
using Npgsql;

namespace Migrations.Runtime.Tests;

/// <summary>test without a connection, and test cancelled midway: nothing may be left behind.</summary>
public sealed partial class PrivateClusterTests
{
    private const string Basic = "Migrations.Runtime.Tests.Fixtures.Basic";
    private const string Slow = "Migrations.Runtime.Tests.Fixtures.Slow";

    [Fact]
    public void TestWithoutConnection_StartsItsOwnClusterAndRemovesIt()
    {
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DATABASE_URL")), "DATABASE_URL must not be set for this test.");

        var result = BundleRun.Run(Basic, "test", "--rows", "200");

        Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        var started = StartedPattern().Match(result.Output);
        Assert.True(started.Success, result.Output);
        var (port, directory) = (int.Parse(started.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture), started.Groups["directory"].Value);
        Assert.Contains("All 3 migration(s) passed", result.Output);
        Assert.False(Directory.Exists(directory), $"{directory} was left behind");
        Assert.Empty(ProcessesMentioning(directory));
        using var client = new TcpClient();
        Assert.ThrowsAny<SocketException>(() => client.Connect("127.0.0.1", port));
    }

    [Fact]
    public async Task TestWithoutConnection_RemovesAClusterLeftBehindByAKilledRun()
    {
        // A cluster whose owner died without cleaning up: started for real, then handed to a process that has exited.
        var abandoned = PrivateCluster.Start(new QuietProgress(new ConsoleProgress(TextWriter.Null, TextWriter.Null)), CancellationToken.None);
        using (var exited = System.Diagnostics.Process.Start("true")!)
        {
            await exited.WaitForExitAsync();
            await File.WriteAllTextAsync(Path.Combine(abandoned.Directory, "owner"), $"{exited.Id} 0");
        }

        Assert.NotEmpty(ProcessesMentioning(abandoned.Directory));

        var result = BundleRun.Run(Basic, "test", "--rows", "10");

        Assert.True(result.ExitCode == ExitCodes.Success, result.All);
        Assert.Contains($"Removed {abandoned.Directory}, a private cluster left behind by a test run that was killed.", result.All);
        Assert.False(Directory.Exists(abandoned.Directory), $"{abandoned.Directory} is still there");
        Assert.Empty(ProcessesMentioning(abandoned.Directory));
        using var client = new TcpClient();
        Assert.ThrowsAny<SocketException>(() => client.Connect("127.0.0.1", abandoned.Port));
        await abandoned.DisposeAsync();
    }

    [Fact]
    public async Task TestCancelledDuringAMigration_DropsItsTemporaryDatabase()
    {
        using var cancel = new CancellationTokenSource();
        var run = Task.Run(() => BundleRun.Run(Slow, cancel.Token, "test", "-c", TestPostgres.ServerConnectionString, "--rows", "200"));
        await WaitUntilRunningAsync("SELECT pg_sleep(30)", run);
        await cancel.CancelAsync();
        var result = await run;

        Assert.True(result.ExitCode == ExitCodes.Cancelled, result.All);
        Assert.Contains("error: Cancelled while testing 202408020000 SlowBackfill; the temporary database was removed.", result.Error);
        var temporary = TestVerbTests.TemporaryDatabasePattern().Match(result.Output).Groups[1].Value;
        Assert.False(await TestVerbTests.DatabaseExistsAsync(temporary), $"{temporary} was left behind");
    }

    /// <summary>Cancels at a known point, whatever the machine's speed: once the statement shows in pg_stat_activity.</summary>
    private static async Task WaitUntilRunningAsync(string statement, Task run)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query = @statement)", connection);
        command.Parameters.AddWithValue("statement", statement);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(bool)(await command.ExecuteScalarAsync())! && !run.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static List<string> ProcessesMentioning(string text) =>
        Directory.GetDirectories("/proc").Where(path => int.TryParse(Path.GetFileName(path), out _))
            .Select(path =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(path, "cmdline")).Replace('\0', ' ');
                }
                catch (IOException)
                {
                    return string.Empty;
                }
                catch (UnauthorizedAccessException)
                {
                    return string.Empty;
                }
            })
            .Where(commandLine => commandLine.Contains(text, StringComparison.Ordinal))
            .ToList();

    [GeneratedRegex(@"Started a private PostgreSQL \d+ cluster on 127\.0\.0\.1:(?<port>\d+) in (?<directory>\S+)\.$", RegexOptions.Multiline)]
    private static partial Regex StartedPattern();
}
