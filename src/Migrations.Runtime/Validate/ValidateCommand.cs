using Migrations.Runtime.Connection;
using Migrations.Runtime.Engine;
using Migrations.Runtime.History;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.Validate;

/// <summary>
/// validate: offline, every migration renders and versions are unique; with a connection, the database history
/// agrees with the bundle (no edited, unknown, failed or out-of-order migrations).
/// </summary>
public static class ValidateCommand
{
    public static async Task<Outcome> RunAsync(BundleContext context, string? connection, CancellationToken cancellationToken)
    {
        var bundle = context.Migrations;
        var problems = new List<string>();
        IReadOnlyList<RenderedMigration> renderedMigrations;
        using (var host = MigrationHost.Create(context.Assembly))
        {
            renderedMigrations = new MigrationRenderer(host).RenderAll(bundle.Migrations);
        }

        foreach (var rendered in renderedMigrations)
        {
            // Needing the live database (PGM107) is allowed, only reviewable less well; code that throws is not.
            if (rendered.UpProblem is { Kind: RenderProblemKind.Throws } problem)
            {
                problems.Add($"{rendered.Migration.DisplayName}: Up() throws while it is rendered: {problem.Message}");
            }
        }

        var hasConnection = !string.IsNullOrWhiteSpace(connection) || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DATABASE_URL"));
        if (hasConnection)
        {
            var settings = ConnectionStringParser.FromOptionOrDatabaseUrl(connection);
            await using var session = await LiveSession.OpenAsync(context.Assembly, context.Actor, settings, cancellationToken);
            var history = await session.History.ReadAsync(cancellationToken);
            // Rendering never touches the database: the checksums of the offline rendering above are the ones to compare.
            var analysis = HistoryAnalysis.Analyse(bundle, history, renderedMigrations.ToDictionary(rendered => rendered.Migration.Version, rendered => rendered.Checksum));
            problems.AddRange(analysis.Modified.Select(status => $"{status.Migration.DisplayName}: edited after it was applied (checksum differs from the database history)"));
            problems.AddRange(analysis.Unfinished.Select(status => $"{status.Migration.DisplayName}: {status.Label} in the database ({status.Entry?.Detail ?? "interrupted"}); deploy again or use 'resolve'"));
            problems.AddRange(analysis.OutOfOrder.Select(status => $"{status.Migration.DisplayName}: pending but older than the newest applied migration {analysis.NewestApplied} (out of order)"));
            problems.AddRange(analysis.Unknown.Select(entry => $"{entry.Version} {entry.Name}: applied in the database but missing from this bundle"));
            problems.AddRange(analysis.PartlySquashed.Select(HistoryAnalysis.PartlySquashedAdvice));
        }

        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { valid = problems.Count == 0, migrations = bundle.Migrations.Count, checkedDatabase = hasConnection, problems });
        }
        else
        {
            foreach (var problem in problems)
            {
                context.Output.WriteLine("error: " + problem);
            }

            context.Output.WriteLine(problems.Count == 0
                ? $"{bundle.Migrations.Count} migration(s) valid{(hasConnection ? " and consistent with the database" : string.Empty)}."
                : $"{problems.Count} problem(s) found.");
        }

        return problems.Count == 0 ? Outcome.Success : Outcome.ValidationFailed;
    }
}
