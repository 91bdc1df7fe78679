using System.Text;
using Migrations.Runtime.Connection;
using Migrations.Runtime.Dev;
using Migrations.Runtime.Discovery;
using Migrations.Runtime.Engine;
using Migrations.Runtime.History;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Rendering;
using Migrations.Runtime.Script;

namespace Migrations.Runtime.Deploy;

/// <summary>
/// deploy: applies pending migrations under the deploy lock. The history is read only once the lock is held,
/// so a second deployer that waited finds the work done and exits 0.
/// </summary>
public static class DeployCommand
{
    public static async Task<Outcome> RunAsync(BundleContext context, DeployOptions options, CancellationToken cancellationToken)
    {
        var settings = ConnectionStringParser.FromOptionOrDatabaseUrl(options.Connection);
        var bundle = context.Migrations;
        if (options.Target is { } target && !bundle.Contains(target))
        {
            throw BundleFailure.Usage($"--target {target} is not a migration of this bundle. Run 'status' to list the versions it knows.");
        }

        await using var session = await LiveSession.OpenAsync(context.Assembly, context.Actor, settings, cancellationToken);
        // Rendering needs no database: done before the lock, it does not lengthen the time the lock is held.
        var rendered = bundle.Migrations.ToDictionary(migration => migration.Version, session.Renderer.Render);
        // Taking the lock creates the history tables (and a tenant's schema): refuse what would reach past the tenant first.
        var unlocked = HistoryAnalysis.Analyse(bundle, await session.History.ReadAsync(cancellationToken), checksums: null);
        TenantSchemaGuard.RefuseOtherSchemas(settings, unlocked.Pending.Where(status => options.Target is null || status.Migration.Version <= options.Target).Select(status => (status.Migration, rendered[status.Migration.Version].Up)), options.AllowedSchemas ?? []);
        if (!options.DryRun)
        {
            await session.LockAsync(context.Progress, options.LockWait, cancellationToken);
        }

        return await ApplyPendingAsync(context, session, rendered, options, rolledBack: null, cancellationToken);
    }

    /// <summary>
    /// The deploy once the lock is held (not needed for --dry-run): reads the history, refuses what deploy refuses, applies
    /// the pending migrations and reports. Also the second half of 'dev', after it rolled back what changed
    /// (<paramref name="rolledBack"/>, reported with what this applies).
    /// </summary>
    internal static async Task<Outcome> ApplyPendingAsync(BundleContext context, LiveSession session, IReadOnlyDictionary<long, RenderedMigration> rendered, DeployOptions options, IReadOnlyList<RolledBackMigration>? rolledBack, CancellationToken cancellationToken)
    {
        var settings = session.Settings;
        var bundle = context.Migrations;
        var history = await session.History.ReadAsync(cancellationToken);
        var analysis = HistoryAnalysis.Analyse(bundle, history, rendered.ToDictionary(pair => pair.Key, pair => pair.Value.Checksum));
        RefuseUnsafeHistory(analysis, options);

        var plan = analysis.Pending.Where(status => options.Target is null || status.Migration.Version <= options.Target).Select(status => rendered[status.Migration.Version]).ToList();
        if (!options.TrustBuild)
        {
            ShippedThroughCheck.Refuse(context.Assembly, rendered.Values.ToList(), plan, analysis.NewestApplied);
        }
        if (options.DryRun)
        {
            return ReportDryRun(context, settings.Description, plan);
        }

        if (plan.Count == 0)
        {
            var later = analysis.Pending.Count();
            return Report(context, settings.Description, rolledBack, [], later == 0
                ? "The database is up to date: nothing to deploy."
                : $"Nothing to deploy up to {options.Target}; {later} pending migration(s) come after it.");
        }

        if (options.Backup)
        {
            // Under the deploy lock, so the archive is the state this deploy starts from; a failed backup stops the deploy.
            var backup = await Backup.DatabaseBackup.TakeAsync(settings, output: null, context.Progress, cancellationToken);
            context.Progress.Info($"Backed up to {backup.Path} ({backup.Bytes} bytes, verified).");
        }

        context.Progress.Info($"Deploying {plan.Count} migration(s) to {settings.Description}.");
        var unfinished = analysis.Unfinished.Select(status => status.Migration.Version).ToHashSet();
        await using var runner = new MigrationRunner(session, options.Timeouts, options.Retries, context.Progress, announce: true, cancellationToken, options.Health);
        var run = await runner.RunAsync(plan, MigrationDirection.Up, migration => unfinished.Contains(migration.Migration.Version));
        var applied = run.Done.Select(item => new AppliedMigration(item.Migration.Migration.Version, item.Migration.Migration.Name, (long)item.Elapsed.TotalMilliseconds)).ToList();
        if (run is { Failed: { } failed, Failure: { } failure })
        {
            var rollback = options.RollbackOnFailure
                ? await FailureRollback.RunAsync(runner, run.Done.Select(item => item.Migration).ToList(), failed, failure, options, settings, context.Progress)
                : null;
            return ReportFailure(context, settings.Description, rolledBack, applied, failed, failure, rollback);
        }

        return Report(context, settings.Description, rolledBack, applied, $"Deployed {applied.Count} migration(s) in {applied.Sum(item => item.DurationMs) / 1000.0:0.00}s.");
    }

    private static void RefuseUnsafeHistory(HistoryAnalysis analysis, DeployOptions options)
    {
        var modified = analysis.Modified.ToList();
        if (modified.Count > 0)
        {
            throw new BundleFailure(Outcome.ValidationFailed, $"Migration {string.Join(", ", modified.Select(status => status.Migration.DisplayName))} was edited after it was applied (checksum differs). Revert the edit and add a new migration, or accept it with 'resolve --applied {modified[0].Migration.Version}'.");
        }

        if (analysis.PartlySquashed.FirstOrDefault() is { } squash)
        {
            throw new BundleFailure(Outcome.ValidationFailed, HistoryAnalysis.PartlySquashedAdvice(squash));
        }

        var outOfOrder = analysis.OutOfOrder.ToList();
        if (outOfOrder.Count > 0 && !options.AllowOutOfOrder)
        {
            throw new BundleFailure(Outcome.ValidationFailed, $"Migration {string.Join(", ", outOfOrder.Select(status => status.Migration.DisplayName))} is older than the newest applied migration {analysis.NewestApplied} and would run out of order. Renumber it, or pass --allow-out-of-order if the order does not matter.");
        }
    }

    private static Outcome ReportDryRun(BundleContext context, string database, IReadOnlyList<RenderedMigration> plan)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { database, dryRun = true, pending = plan.Select(item => new { version = item.Migration.Version, name = item.Migration.Name, transactional = item.Migration.IsTransactional, sql = item.Up }) });
            return Outcome.Success;
        }

        var builder = new StringBuilder();
        builder.AppendLine($"-- Dry run against {database}: {plan.Count} pending migration(s); nothing was executed.");
        builder.AppendLine();
        foreach (var migration in plan)
        {
            SqlScriptWriter.AppendMigration(builder, migration, down: false);
        }

        context.Output.Write(builder.ToString());
        return Outcome.Success;
    }

    private static Outcome Report(BundleContext context, string database, IReadOnlyList<RolledBackMigration>? rolledBack, IReadOnlyList<AppliedMigration> applied, string summary)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new { database, rolledBack, applied });
        }
        else
        {
            WriteRolledBack(context, rolledBack);
            context.Output.WriteLine(summary);
        }

        return Outcome.Success;
    }

    /// <summary>
    /// A migration of this run failed: the one-line error (stderr, as for every failure), what this run had applied, and
    /// with --rollback-on-failure exactly what was undone and what stays applied. With --json one document says all of it
    /// (with the "error" and "exitCode" every failing verb's JSON carries), so a pipeline reading it learns the state left.
    /// </summary>
    private static Outcome ReportFailure(BundleContext context, string database, IReadOnlyList<RolledBackMigration>? rolledBack, IReadOnlyList<AppliedMigration> applied, RenderedMigration failed, BundleFailure failure, RollbackOutcome? rollback)
    {
        var error = rollback is null ? failure.Message : $"{failure.Message.TrimEnd('.')}. {rollback.Summary(applied.Count)}";
        context.Error.WriteLine("error: " + error);
        if (context.Json)
        {
            JsonOutput.Write(context.Output, new
            {
                database,
                rolledBack,
                applied,
                failed = new { version = failed.Migration.Version, name = failed.Migration.Name, transactional = failed.Migration.IsTransactional },
                rollback = rollback is null ? null : new
                {
                    undone = rollback.Undone.Select(item => new { version = item.Version, name = item.Name, transactional = item.Transactional, durationMs = item.DurationMs }),
                    notUndone = rollback.NotUndone.Select(item => new { version = item.Version, name = item.Name, reason = item.Reason }),
                },
                error,
                exitCode = context.ExitCodeOf(failure.Kind),
            });
        }
        else
        {
            WriteRolledBack(context, rolledBack);
            if (applied.Count > 0 && rollback is null)
            {
                context.Output.WriteLine($"Applied by this deploy before the failure, and still applied: {string.Join(", ", applied.Select(item => $"{item.Version} {item.Name}"))}.");
            }
        }

        if (failure.InnerException is not null && Environment.GetEnvironmentVariable("MIGRATIONS_DEBUG") == "1")
        {
            context.Error.WriteLine(failure.InnerException);
        }

        return failure.Kind;
    }

    /// <summary>What 'dev' rolled back before this applied anything: said first, as it happened first.</summary>
    private static void WriteRolledBack(BundleContext context, IReadOnlyList<RolledBackMigration>? rolledBack)
    {
        if (rolledBack is { Count: > 0 })
        {
            context.Output.WriteLine($"Rolled back {rolledBack.Count} migration(s), newest first: {string.Join(", ", rolledBack.Select(item => $"{item.Version} {item.Name} ({item.Reason})"))}.");
        }
    }

    private sealed record AppliedMigration(long Version, string Name, long DurationMs);
}
