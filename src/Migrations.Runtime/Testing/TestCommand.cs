using System.Diagnostics;
using Migrations.Runtime.Engine;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Postgres;

namespace Migrations.Runtime.Testing;

/// <summary>
/// test: proves every migration on a throwaway database — a temporary database on the --connection server, or a
/// private cluster when no connection is given — round trip Up/Down/Up with schema comparison, and observed locks
/// and rewrites held to the PGM rules' predictions. Whatever it created is removed, also on failure and Ctrl-C.
/// </summary>
public static class TestCommand
{
    public const int DefaultRows = 10_000;

    public static async Task<Outcome> RunAsync(BundleContext context, string? connection, int rows, CancellationToken cancellationToken, string? resultsPath = null)
    {
        if (rows < 0)
        {
            throw BundleFailure.Usage("--rows must be 0 or more.");
        }

        if (resultsPath is not null)
        {
            // A path that cannot be written fails now, not after every migration was proved.
            File.WriteAllText(resultsPath, string.Empty);
        }

        var stopwatch = Stopwatch.StartNew();
        var bundle = context.Migrations;
        await using var server = ScratchServer.OnConnectionOrPrivateCluster(connection, context.Progress, cancellationToken);
        await using var database = await server.CreateDatabaseAsync("test", cancellationToken);
        context.Progress.Info($"Testing {bundle.Migrations.Count} migration(s) in temporary database {database.Settings.Database} on {server.Description}, {rows} row(s) per table.");

        var results = new List<MigrationTestResult>();
        await using (var session = await LiveSession.OpenAsync(context.Assembly, context.Actor, database.Settings, cancellationToken))
        {
            // Nobody else knows the scratch database: it needs the history tables, not the deploy lock.
            await session.History.EnsureCreatedAsync(cancellationToken);
            await using var sequence = new MigrationRunner(session, context.Progress, cancellationToken);
            var probe = new MigrationProbe(session, sequence, rows, context.Progress, cancellationToken);
            foreach (var migration in bundle.Migrations)
            {
                var result = await RunCancellablyAsync(probe, migration, server.IsPrivateCluster ? "the temporary database and the private cluster were" : "the temporary database was");
                results.Add(result);
                TestReport.Progress(context.Progress, result);
                if (result.Failure is not null)
                {
                    break;
                }
            }
        }

        TestReport.Write(context, server.Description, rows, bundle.Migrations.Count, results, stopwatch.Elapsed, resultsPath);
        return results.All(result => result.Passed) ? Outcome.Success : Outcome.TestFailed;
    }

    /// <summary>The engine's cancellation message speaks of deploys and 'resolve'; here everything is thrown away anyway.</summary>
    private static async Task<MigrationTestResult> RunCancellablyAsync(MigrationProbe probe, Discovery.MigrationDescriptor migration, string removed)
    {
        try
        {
            return await probe.RunAsync(migration);
        }
        catch (Exception exception) when (exception is OperationCanceledException || exception is BundleFailure { Kind: Outcome.Cancelled })
        {
            throw new BundleFailure(Outcome.Cancelled, $"Cancelled while testing {migration.DisplayName}; {removed} removed.", exception);
        }
    }
}
