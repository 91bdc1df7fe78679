using System.Runtime.ExceptionServices;
using Migrations.Runtime.Connection;
using Migrations.Runtime.Engine;
using Migrations.Runtime.History;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.Rollback;

/// <summary>
/// rollback: runs Down() of the newest applied migrations, newest first, under the deploy lock. --dry-run prints the
/// Down SQL it would run instead, read-only like status (no lock, nothing created).
/// </summary>
public static class RollbackCommand
{
    public static async Task<Outcome> RunAsync(BundleContext context, string? connection, int? steps, long? to, bool dryRun, TimeSpan lockWait, DeployTimeouts timeouts, RetryPolicy retries, IReadOnlyList<string> allowedSchemas, CancellationToken cancellationToken)
    {
        if (steps is null == to is null)
        {
            throw BundleFailure.Usage("Say how far to roll back: --steps N (the newest N migrations) or --to VERSION (everything after it; 0 for all).");
        }

        if (steps is <= 0)
        {
            throw BundleFailure.Usage("--steps must be at least 1.");
        }

        var bundle = context.Migrations;
        if (to is { } version && version != 0 && !bundle.Contains(version))
        {
            throw BundleFailure.Usage($"--to {version} is not a migration of this bundle. Run 'status' to list the versions it knows, or use --to 0 to roll back everything.");
        }

        var settings = ConnectionStringParser.FromOptionOrDatabaseUrl(connection);
        await using var session = await LiveSession.OpenAsync(context.Assembly, context.Actor, settings, cancellationToken);
        if (!dryRun)
        {
            await session.LockAsync(context.Progress, lockWait, cancellationToken);
        }

        var history = await session.History.ReadAsync(cancellationToken);
        var analysis = HistoryAnalysis.Analyse(bundle, history, checksums: null);
        var unknown = analysis.Unknown.FirstOrDefault(entry => to is null || entry.Version > to);
        var applied = analysis.Migrations.Where(status => status.IsApplied).OrderByDescending(status => status.Migration.Version).ToList();
        if (steps is { } asked && asked > applied.Count && applied.Count > 0)
        {
            // More steps than applied migrations is most likely a typo; rolling back everything must be said outright.
            throw BundleFailure.Usage($"--steps {asked} is more than the {applied.Count} applied migration(s). To roll back all of them, use --to 0.");
        }

        var plan = (steps is { } count ? applied.Take(count) : applied.Where(status => status.Migration.Version > to)).ToList();
        if (unknown is not null && plan.Count > 0 && unknown.Version > plan[^1].Migration.Version)
        {
            throw new BundleFailure(Outcome.Refused, $"Migration {unknown.Version} {unknown.Name} is applied but not part of this bundle, so it cannot be rolled back with it. Use the bundle that contains it.");
        }

        if (plan.Count == 0)
        {
            context.Output.WriteLine(context.Json ? "{ \"rolledBack\": [] }" : "Nothing to roll back.");
            return Outcome.Success;
        }

        // Rendered and checked before anything runs: a forward-only migration or a schema outside the tenant's would
        // otherwise stop the rollback halfway.
        var rendered = plan.Select(status => session.Renderer.Render(status.Migration)).ToList();
        if (rendered.FirstOrDefault(migration => migration.DownProblem?.Kind == RenderProblemKind.ForwardOnly) is { } forwardOnly)
        {
            throw new BundleFailure(Outcome.Refused, $"Migration {forwardOnly.Migration.DisplayName} is forward-only and cannot be rolled back. Nothing was rolled back; roll back to a version after it (--to {forwardOnly.Migration.Version}).");
        }

        TenantSchemaGuard.RefuseOtherSchemas(settings, rendered.Select(migration => (migration.Migration, migration.Down)), allowedSchemas);
        if (dryRun)
        {
            return ReportDryRun(context, settings.Description, rendered);
        }

        await using var runner = new MigrationRunner(session, timeouts, retries, context.Progress, announce: true, cancellationToken);
        context.Progress.Info($"Rolling back {plan.Count} migration(s) on {settings.Description}.");
        var run = await runner.RunAsync(rendered, MigrationDirection.Down);
        if (run.Failure is { } failure)
        {
            // As before the runner: the failure ends the rollback with its own message and exit code.
            ExceptionDispatchInfo.Throw(failure);
        }

        var done = run.Done.Select(item => new { version = item.Migration.Migration.Version, name = item.Migration.Migration.Name, durationMs = (long)item.Elapsed.TotalMilliseconds }).ToList();

        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { database = settings.Description, rolledBack = done });
        }
        else
        {
            context.Output.WriteLine($"Rolled back {done.Count} migration(s).");
        }

        return Outcome.Success;
    }

    /// <summary>What the rollback would run, after the same checks (a forward-only migration or another schema is refused as by the rollback).</summary>
    private static Outcome ReportDryRun(BundleContext context, string database, IReadOnlyList<RenderedMigration> plan)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new
            {
                database,
                dryRun = true,
                rollBack = plan.Select(rendered => new { version = rendered.Migration.Version, name = rendered.Migration.Name, transactional = rendered.Migration.IsTransactional, sql = rendered.Down }),
            });
            return Outcome.Success;
        }

        var builder = new System.Text.StringBuilder();
        builder.AppendLine($"-- Dry run against {database}: rollback would run Down() of {plan.Count} migration(s), newest first; nothing was executed.");
        builder.AppendLine();
        foreach (var rendered in plan)
        {
            Script.SqlScriptWriter.AppendMigration(builder, rendered, down: true);
        }

        context.Output.Write(builder.ToString());
        return Outcome.Success;
    }
}
