using Migrations.Runtime.Connection;
using Migrations.Runtime.Engine;
using Migrations.Runtime.History;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.Status;

/// <summary>
/// status: every migration of the bundle with its state in the database, plus what only the database knows.
/// Read-only: it takes no lock and creates nothing, so it is safe against production at any time.
/// </summary>
public static class StatusCommand
{
    public static async Task<Outcome> RunAsync(BundleContext context, string? connection, bool exitCode, CancellationToken cancellationToken)
    {
        var settings = ConnectionStringParser.FromOptionOrDatabaseUrl(connection);
        var bundle = context.Migrations;
        // Rendering every migration for its checksum is CPU work, reading the history is waiting for the server:
        // doing both at once keeps status fast on large projects. Run from the build output, the build's checksums
        // (ChecksumManifest) stand in for the rendering when they were rendered from these very assemblies.
        var checksums = Task.Run(() => ChecksumManifest.Read(context.Assembly, bundle.Migrations.Select(migration => migration.Version)) ?? RenderChecksums(context, bundle), cancellationToken);
        await using var session = await LiveSession.OpenAsync(context.Assembly, context.Actor, settings, cancellationToken);
        var history = await session.History.ReadAsync(cancellationToken);
        var analysis = HistoryAnalysis.Analyse(bundle, history, await checksums);
        var backfills = (await new Backfill.BackfillProgressStore(session.Connection, session.History.BackfillTable)
                .UnfinishedAsync(analysis.Unfinished.Select(status => status.Migration.Version).ToList(), cancellationToken))
            .ToLookup(progress => progress.Version);

        if (context.Json)
        {
            JsonOutput.Write(context.Output, new
            {
                database = settings.Description,
                migrations = analysis.Migrations.Select(status => new
                {
                    version = status.Migration.Version,
                    name = status.Migration.Name,
                    state = status.Label,
                    transactional = status.Migration.IsTransactional,
                    appliedAt = status.IsApplied ? status.Entry?.FinishedAt ?? status.Entry?.StartedAt : null,
                    appliedBy = status.IsApplied ? status.Entry?.AppliedBy : null,
                    detail = status.Kind is StatusKind.Failed or StatusKind.Interrupted ? status.Entry?.Detail : null,
                    backfills = backfills.Contains(status.Migration.Version)
                        ? backfills[status.Migration.Version].Select(progress => new { table = progress.Table, direction = progress.Direction, rowsRead = progress.RowsScanned, rowsChanged = progress.RowsChanged, estimatedRows = progress.EstimatedRows, lastKey = progress.LastKey, endKey = progress.EndKey, updatedAt = progress.UpdatedAt })
                        : null,
                }),
                unknown = analysis.Unknown.Select(entry => new { version = entry.Version, name = entry.Name, appliedAt = entry.FinishedAt ?? entry.StartedAt }),
                pending = analysis.Pending.Count(),
            });
        }
        else
        {
            WriteTable(context.Output, settings.Description, analysis, backfills);
        }

        if (!exitCode)
        {
            return Outcome.Success;
        }

        if (analysis.Modified.Any() || analysis.Unfinished.Any() || analysis.Unknown.Count > 0 || analysis.OutOfOrder.Any() || analysis.PartlySquashed.Any())
        {
            return Outcome.ValidationFailed;
        }

        return analysis.Pending.Any() ? Outcome.PendingMigrations : Outcome.Success;
    }

    private static Dictionary<long, string> RenderChecksums(BundleContext context, Discovery.MigrationSet bundle)
    {
        using var host = MigrationHost.Create(context.Assembly);
        return new MigrationRenderer(host).Checksums(bundle.Migrations);
    }

    /// <summary>The line under the table: never "Up to date." while the history needs attention, and no 'deploy' advice deploy would refuse.</summary>
    private static string Summary(HistoryAnalysis analysis, int pending)
    {
        var needsAttention = analysis.Modified.Any() || analysis.Unfinished.Any() || analysis.Unknown.Count > 0 || analysis.PartlySquashed.Any();
        var outOfOrder = analysis.OutOfOrder.Count();
        if (pending == 0)
        {
            return needsAttention ? "Nothing pending, but the history needs attention (below)." : "Up to date.";
        }

        if (outOfOrder > 0)
        {
            return $"{pending} pending migration(s), {outOfOrder} of them older than the newest applied one: 'deploy' refuses those unless --allow-out-of-order.";
        }

        return analysis.Modified.Any()
            ? $"{pending} pending migration(s); 'deploy' refuses to run while an applied migration differs from the bundle (below)."
            : $"{pending} pending migration(s). Run 'deploy' to apply them.";
    }

    private static void WriteTable(TextWriter output, string database, HistoryAnalysis analysis, ILookup<long, Backfill.BackfillProgress> backfills)
    {
        var rows = analysis.Migrations
            .Select(status => new[] { status.Migration.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), status.Migration.Name, status.Label, status.IsApplied ? FormatTime(status.Entry?.FinishedAt ?? status.Entry?.StartedAt) : string.Empty })
            .Concat(analysis.Unknown.Select(entry => new[] { entry.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Name, "applied, not in this bundle", FormatTime(entry.FinishedAt ?? entry.StartedAt) }))
            .OrderBy(row => row[0], StringComparer.Ordinal)
            .ToList();
        output.WriteLine($"Database {database}");
        TextTable.Write(output, ["Version", "Name", "State", "Applied at (UTC)"], rows);
        var pending = analysis.Pending.Count();
        output.WriteLine(Summary(analysis, pending));
        foreach (var status in analysis.Unfinished)
        {
            output.WriteLine($"{status.Migration.DisplayName} {status.Label} ({status.Entry?.Detail ?? "the run was interrupted"}): 'deploy' runs it again; if it cannot, repair by hand and use 'resolve --applied' or 'resolve --rolled-back'.");
            foreach (var progress in backfills[status.Migration.Version])
            {
                var where = progress.LastKey is null ? "no batch committed yet" : $"done up to key {progress.LastKey} of {progress.EndKey}";
                output.WriteLine($"  backfill of {progress.Table}: {progress.Describe()}, {where}, last batch at {FormatTime(progress.UpdatedAt)} UTC; 'deploy' resumes it there.");
            }
        }

        foreach (var status in analysis.Modified)
        {
            output.WriteLine($"{status.Migration.DisplayName} was edited after it was applied: its SQL no longer matches the recorded checksum.");
        }

        foreach (var status in analysis.PartlySquashed)
        {
            output.WriteLine(HistoryAnalysis.PartlySquashedAdvice(status));
        }
    }

    private static string FormatTime(DateTimeOffset? value) => value is { } time && time != DateTimeOffset.MinValue ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
}
