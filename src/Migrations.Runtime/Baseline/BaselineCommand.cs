using Migrations.Runtime.Connection;
using Migrations.Runtime.Engine;
using Migrations.Runtime.History;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Postgres;
using Migrations.Runtime.Rendering;
using Migrations.Runtime.Schema;

namespace Migrations.Runtime.Baseline;

/// <summary>
/// baseline: adopts an existing database by recording every migration up to a version as applied, without running it.
/// First it checks that the database's schema is what those migrations produce (built in a temporary database, as
/// drift does) and refuses on any difference, listing them; --force records without checking.
/// </summary>
public static class BaselineCommand
{
    public static async Task<Outcome> RunAsync(BundleContext context, string? connection, long version, bool force, TimeSpan lockWait, CancellationToken cancellationToken)
    {
        context.Migrations.Get(version);
        var settings = ConnectionStringParser.FromOptionOrDatabaseUrl(connection);
        await using var session = await LiveSession.OpenAsync(context.Assembly, context.Actor, settings, cancellationToken);
        await session.LockAsync(context.Progress, lockWait, cancellationToken);
        var history = await session.History.ReadAsync(cancellationToken);
        var applied = history.Values.Count(entry => entry.State.CountsAsApplied());
        if (applied > 0)
        {
            // Baselining a database the bundle already manages would mark migrations applied whose changes may be missing.
            throw new BundleFailure(Outcome.Refused, $"{settings.Description} already has {applied} applied migration(s): baseline is for a database the bundle has never deployed to. Deploy the rest, or mark a single migration after checking it by hand with 'resolve --applied VERSION'.");
        }

        var baselined = context.Migrations.Migrations.Where(migration => migration.Version <= version).ToList();
        if (!force)
        {
            var live = await SchemaSnapshot.CaptureAsync(session.Connection, settings.Schema, cancellationToken);
            var expected = await ExpectedSchema.BuildAsync(context.Assembly, context.Actor, context.Progress, settings, baselined, "baseline", cancellationToken);
            var differences = expected.CompareWith(live);
            if (differences.Count > 0)
            {
                return Refuse(context, settings.Description, version, baselined.Count, differences);
            }
        }

        var renderer = session.Renderer;
        var recorded = new List<long>();
        var now = DateTimeOffset.UtcNow;
        foreach (var migration in baselined)
        {
            await session.History.RecordAsync(new HistoryRecord(migration.Version, migration.Name, renderer.Checksum(migration), MigrationState.Baselined, now, now, 0, $"baseline {version} by {context.Actor.User}@{context.Actor.Host}"), cancellationToken);
            recorded.Add(migration.Version);
        }

        var later = context.Migrations.Migrations.Count(migration => migration.Version > version);
        var bundle = context.Assembly.GetName().Name ?? "bundle";
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { database = settings.Description, baseline = version, recorded, schemaChecked = !force, pending = later });
        }
        else
        {
            var check = force ? "without checking the schema (--force)" : "after checking that the schema is what they produce";
            context.Output.WriteLine($"Recorded {recorded.Count} migration(s) up to {version} as applied without running them, {check}.");
            context.Output.WriteLine(later == 0
                ? $"Next: write new migrations as usual ('{bundle} create NAME'); '{bundle} status' shows this database up to date."
                : $"Next: '{bundle} deploy' applies the {later} migration(s) after {version}.");
        }

        return Outcome.Success;
    }

    private static Outcome Refuse(BundleContext context, string database, long version, int migrations, IReadOnlyList<SchemaDifference> differences)
    {
        var message = $"{database} does not have the schema its {migrations} migration(s) up to {version} produce: {differences.Count} object(s) differ, so nothing was recorded. Fix the database or the migrations (drift --script shows SQL that would align the database), or pass --force to record them anyway.";
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { database, baseline = version, recorded = Array.Empty<long>(), error = message, exitCode = context.ExitCodeOf(Outcome.DriftFound), drift = DifferenceReport.Json(differences) });
        }
        else
        {
            context.Output.WriteLine($"Baseline refused: {differences.Count} object(s) of {database} differ from what migrations up to {version} produce.");
            DifferenceReport.Write(context.Output, differences);
        }

        context.Error.WriteLine("error: " + message);
        return Outcome.DriftFound;
    }
}
