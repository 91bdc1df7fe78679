using Migrations.Runtime.Connection;
using Migrations.Runtime.Engine;
using Migrations.Runtime.History;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Postgres;
using Migrations.Runtime.Schema;

namespace Migrations.Runtime.Drift;

/// <summary>
/// drift: the live schema against the schema the bundle's migrations produce at the database's applied version,
/// built in a temporary database on the same server (so both are printed by the same PostgreSQL). Pending
/// migrations are not drift: only the applied ones are built. Runs under the deploy lock, so no deploy moves the
/// applied version while the comparison is made. With --script it also writes the SQL that would repair the drift.
/// </summary>
public static class DriftCommand
{
    /// <param name="script">Write the SQL that would repair the drift (see <see cref="RepairScript"/>) to stdout, or to <paramref name="output"/>.</param>
    public static async Task<Outcome> RunAsync(BundleContext context, string? connection, TimeSpan lockWait, bool script, string? output, CancellationToken cancellationToken)
    {
        if (output is not null && !script)
        {
            throw BundleFailure.Usage("-o/--output names the file for --script: add --script.");
        }

        if (script && output is null)
        {
            context = context.WithProgressOnError();
        }

        var settings = ConnectionStringParser.FromOptionOrDatabaseUrl(connection);
        var bundle = context.Migrations;
        await using var session = await LiveSession.OpenAsync(context.Assembly, context.Actor, settings, cancellationToken);
        await session.LockAsync(context.Progress, lockWait, cancellationToken);
        var analysis = HistoryAnalysis.Analyse(bundle, await session.History.ReadAsync(cancellationToken), checksums: null);
        if (analysis.Unknown.Count > 0)
        {
            var unknown = analysis.Unknown[0];
            throw new BundleFailure(Outcome.ValidationFailed, $"Migration {unknown.Version} {unknown.Name} is applied but not part of this bundle, so the schema it produced cannot be rebuilt. Run drift with the bundle that contains it.");
        }

        var applied = analysis.Migrations.Where(status => status.IsApplied).Select(status => status.Migration).ToList();
        var live = await SchemaSnapshot.CaptureAsync(session.Connection, settings.Schema, cancellationToken);
        var expected = await ExpectedSchema.BuildAsync(context.Assembly, context.Actor, context.Progress, settings, applied, "drift", cancellationToken, withDependencies: script);
        var differences = expected.CompareWith(live);
        string? sql = null;
        if (script)
        {
            var header = $"""
                -- drift --script: SQL that brings {settings.Description} back to the schema its {applied.Count} applied migration(s) produce.
                -- Written {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by {context.Assembly.GetName().Name}. Review it before running it: drift never runs it,
                -- and a DROP loses the data it holds. A line "-- …" under a heading is a change PostgreSQL cannot make in place: make it by hand.

                """;
            sql = RepairScript.Write(expected, live, differences, header);
            if (output is not null)
            {
                await File.WriteAllTextAsync(output, sql, cancellationToken);
            }
        }

        Report(context, settings.Description, applied.Count, analysis.Pending.Count(), differences, sql, output);
        return differences.Count == 0 ? Outcome.Success : Outcome.DriftFound;
    }

    private static void Report(BundleContext context, string database, int applied, int pending, IReadOnlyList<SchemaDifference> differences, string? script, string? output)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new
            {
                database,
                appliedMigrations = applied,
                pendingMigrations = pending,
                drift = DifferenceReport.Json(differences),
                script = output is null ? script : null,
                wrote = output,
            });
            return;
        }

        if (script is not null && output is null)
        {
            // The SQL is stdout, so it can be piped or redirected; what differs goes to stderr.
            context.Output.Write(script);
            context.Error.WriteLine(differences.Count == 0 ? $"No drift in {database}: the script changes nothing." : $"Drift in {database}: {differences.Count} object(s) differ; the script above would align them.");
            return;
        }

        if (output is not null)
        {
            context.Output.WriteLine($"Wrote the SQL that would repair the drift to {output}; review it before running it.");
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
