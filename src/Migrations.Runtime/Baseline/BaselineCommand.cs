using Migrations.Runtime.Cli;
using Migrations.Runtime.Engine;
using Migrations.Runtime.History;
using Migrations.Runtime.Output;
using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.Baseline;

/// <summary>baseline: adopts an existing database by recording every migration up to a version as applied, without running it.</summary>
public static class BaselineCommand
{
    public static async Task<int> RunAsync(BundleContext context, string? connection, long version, TimeSpan lockWait, CancellationToken cancellationToken)
    {
        context.Migrations.Get(version);
        var settings = BundleContext.ResolveConnection(connection);
        await using var session = await LiveSession.OpenAsync(context, settings, cancellationToken);
        await session.LockAsync(context, lockWait, cancellationToken);
        var history = await session.History.ReadAsync(cancellationToken);
        var applied = history.Values.Count(entry => entry.State.CountsAsApplied());
        if (applied > 0)
        {
            // Baselining a database the bundle already manages would mark migrations applied whose changes may be missing.
            throw new BundleException(ExitCodes.Refused, $"{settings.Description} already has {applied} applied migration(s): baseline is for a database the bundle has never deployed to. Deploy the rest, or mark a single migration after checking it by hand with 'resolve --applied VERSION'.");
        }

        var renderer = session.Renderer;
        var recorded = new List<long>();
        var now = DateTimeOffset.UtcNow;
        foreach (var migration in context.Migrations.Migrations.Where(migration => migration.Version <= version))
        {
            if (history.TryGetValue(migration.Version, out var entry) && entry.State.CountsAsApplied())
            {
                continue;
            }

            await session.History.RecordAsync(new HistoryRecord(migration.Version, migration.Name, renderer.Checksum(migration), MigrationState.Baselined, now, now, 0, $"baseline {version} by {context.Actor.User}@{context.Actor.Host}"), cancellationToken);
            recorded.Add(migration.Version);
        }

        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { database = settings.Description, baseline = version, recorded });
        }
        else
        {
            context.Output.WriteLine($"Recorded {recorded.Count} migration(s) up to {version} as applied without running them.");
        }

        return ExitCodes.Success;
    }
}
