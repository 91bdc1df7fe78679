using System.Diagnostics;
using System.Text;
using Migrations.Sdk.Tests.Infrastructure;

namespace Migrations.Sdk.Tests;

/// <summary>Fleet deploys as real processes: killed with SIGKILL and resumed, and sharded over several processes as pods would be.</summary>
[Collection(StandardBundleCollection.Name)]
public sealed class FleetProcessTests(StandardBundle bundle) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fleet-process-").FullName;

    [Fact]
    public async Task AFleetDeployKilledMidway_ResumesWithoutRedoingFinishedTargets()
    {
        var databases = await CreateDatabasesAsync(4);
        try
        {
            var targets = WriteTargets(databases);
            using (var first = ProcessRunner.Start(bundle.Project.Bundle(), ["deploy", "--targets", targets, "--parallel", "1"], bundle.Project.ProjectDirectory))
            {
                var output = new StringBuilder();
                first.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
                first.BeginOutputReadLine();
                first.BeginErrorReadLine();
                // Two targets done, the third one inside its slow migration: then SIGKILL, no chance to clean up.
                await WaitUntilAsync(() => { lock (output) { return CountOf(output.ToString(), "] deployed, applied 3") >= 2; } });
                await WaitUntilAsync(() => IsRunningAsync(databases[2], "pg_sleep").GetAwaiter().GetResult());
                first.Kill();
                await first.WaitForExitAsync();
            }

            Assert.True(File.Exists(targets + ".journal"));
            var resumed = await ProcessRunner.RunAsync(bundle.Project.Bundle(), ["deploy", "--targets", targets, "--parallel", "1"], bundle.Project.ProjectDirectory);

            Assert.True(resumed.ExitCode == 0, resumed.All);
            Assert.Contains("resuming journal", resumed.Output);
            Assert.Contains("2 target(s) done earlier are skipped, 1 interrupted mid-run are run again", resumed.Output);
            Assert.Contains("2 succeeded, 0 failed, 2 skipped (done in an earlier run).", resumed.Output);
            Assert.False(File.Exists(targets + ".journal"));
            foreach (var database in databases)
            {
                // Every migration applied exactly once in every database: no target was deployed twice over.
                Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history WHERE state = 'applied'"));
                Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM \"VersionInfo\""));
            }
        }
        finally
        {
            await DropAsync(databases);
        }
    }

    [Fact]
    public async Task ThreeProcessesOfAnIndexedJob_EachDeployTheirOwnShard()
    {
        var databases = await CreateDatabasesAsync(6);
        try
        {
            var targets = WriteTargets(databases);
            var pods = Enumerable.Range(0, 3).Select(index => ProcessRunner.RunAsync(bundle.Project.Bundle(), ["deploy", "--targets", targets, "--parallel", "1"], bundle.Project.ProjectDirectory,
                new Dictionary<string, string?> { ["JOB_COMPLETION_INDEX"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture), ["JOB_COMPLETIONS"] = "3" })).ToArray();
            var results = await Task.WhenAll(pods);

            for (var pod = 0; pod < 3; pod++)
            {
                Assert.True(results[pod].ExitCode == 0, results[pod].All);
                Assert.Contains($"deploy on 2 target(s) (shard {pod}/3 of {targets})", results[pod].Output);
                for (var index = 0; index < databases.Count; index++)
                {
                    Assert.Equal(index % 3 == pod, results[pod].Output.Contains($"/{databases[index].Name} ", StringComparison.Ordinal));
                }
            }

            foreach (var database in databases)
            {
                Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM migrations_history WHERE state = 'applied'"));
            }

            Assert.Empty(Directory.GetFiles(_folder, "*.journal"));
        }
        finally
        {
            await DropAsync(databases);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteTargets(IReadOnlyList<TestDatabase> databases)
    {
        var path = Path.Combine(_folder, "targets.txt");
        File.WriteAllLines(path, databases.Select(database => database.Url));
        return path;
    }

    private static async Task<IReadOnlyList<TestDatabase>> CreateDatabasesAsync(int count)
    {
        var databases = new List<TestDatabase>();
        for (var index = 0; index < count; index++)
        {
            databases.Add(await TestPostgres.CreateDatabaseAsync());
        }

        return databases;
    }

    private static async Task DropAsync(IEnumerable<TestDatabase> databases)
    {
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }
    }

    private static async Task<bool> IsRunningAsync(TestDatabase database, string fragment) =>
        await database.ScalarAsync<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%{fragment}%' AND pid <> pg_backend_pid() AND state = 'active'") > 0;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("The fleet deploy did not get that far in 60s.");
            }

            await Task.Delay(50);
        }
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
