using Migrations.Runtime.Cli;
using Migrations.Runtime.Engine;
using Migrations.Runtime.History;
using Migrations.Runtime.Output;
using Migrations.Runtime.Proving;
using Migrations.Runtime.Schema;

namespace Migrations.Runtime.Drift;

/// <summary>
/// drift: the live schema against the schema the bundle's migrations produce at the database's applied version,
/// built in a temporary database on the same server (so both are printed by the same PostgreSQL). Pending
/// migrations are not drift: only the applied ones are built. Runs under the deploy lock, so no deploy moves the
/// applied version while the comparison is made.
/// </summary>
public static class DriftCommand
{
    public static async Task<int> RunAsync(BundleContext context, string? connection, TimeSpan lockWait, CancellationToken cancellationToken)
    {
        var settings = BundleContext.ResolveConnection(connection);
        var bundle = context.Migrations;
        await using var session = await LiveSession.OpenAsync(context, settings, cancellationToken);
        await session.LockAsync(context, lockWait, cancellationToken);
        var analysis = HistoryAnalysis.Analyse(bundle, await session.History.ReadAsync(cancellationToken), checksums: null);
        if (analysis.Unknown.Count > 0)
        {
            var unknown = analysis.Unknown[0];
            throw new BundleException(ExitCodes.ValidationFailed, $"Migration {unknown.Version} {unknown.Name} is applied but not part of this bundle, so the schema it produced cannot be rebuilt. Run drift with the bundle that contains it.");
        }

        var applied = analysis.Migrations.Where(status => status.IsApplied).Select(status => status.Migration).ToList();
        var live = await SchemaSnapshot.CaptureAsync(session.Connection, settings.Schema, cancellationToken);
        var expected = await ExpectedSchema.BuildAsync(context, settings, applied, "drift", cancellationToken);
        var differences = expected.CompareWith(live);
        Report(context, settings.Description, applied.Count, analysis.Pending.Count(), differences);
        return differences.Count == 0 ? ExitCodes.Success : ExitCodes.DriftFound;
    }

    private static void Report(BundleContext context, string database, int applied, int pending, IReadOnlyList<SchemaDifference> differences)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new
            {
                database,
                appliedMigrations = applied,
                pendingMigrations = pending,
                drift = DifferenceReport.Json(differences),
            });
            return;
        }

        var pendingNote = pending > 0 ? $" ({pending} pending migration(s) are not drift)" : string.Empty;
        if (differences.Count == 0)
        {
            context.Output.WriteLine($"No drift: the schema of {database} is what its {applied} applied migration(s) produce{pendingNote}.");
            return;
        }

        context.Output.WriteLine($"Drift in {database}: {differences.Count} object(s) differ from what its {applied} applied migration(s) produce{pendingNote}.");
        DifferenceReport.Write(context.Output, differences);
    }
}
