using Migrations.Runtime.Connection;
using Migrations.Runtime.Deploy;
using Migrations.Runtime.Engine;
using Migrations.Runtime.History;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Reset;

namespace Migrations.Runtime.Dev;

/// <summary>
/// dev: the inner loop on a developer's own database, in one command under the deploy lock. Rolls back the applied
/// migrations that were edited since (and what was applied after them), newest first, then deploys everything pending,
/// so the database is what the current code builds. A changed migration that has shipped is drift and refused; so is a
/// database that is not local (without --allow-remote) or that is protected. Not all-or-nothing, but resumable: each
/// migration is rolled back or applied on its own, so after a failure the database stands at a version, and dev again
/// goes on from there.
/// </summary>
public static class DevCommand
{
    public static async Task<Outcome> RunAsync(BundleContext context, DeployOptions options, bool allowRemote, CancellationToken cancellationToken)
    {
        var settings = ConnectionStringParser.FromOptionOrDatabaseUrl(options.Connection);
        LocalDatabase.RefuseRemote(settings, allowRemote);
        var bundle = context.Migrations;
        var shippedThrough = BundleShippedThroughAttribute.Of(context.Assembly);
        await using var session = await LiveSession.OpenAsync(context.Assembly, context.Actor, settings, cancellationToken);
        if (await ProtectionMark.ReadAsync(session.Connection, cancellationToken) is { } mark)
        {
            throw new BundleFailure(Outcome.Refused, $"{settings.Description} is protected ({mark}); dev refuses it, as reset does. If it really is a development database, run 'unprotect' first.");
        }

        var rendered = bundle.Migrations.ToDictionary(migration => migration.Version, session.Renderer.Render);
        var checksums = rendered.ToDictionary(pair => pair.Key, pair => pair.Value.Checksum);
        // Taking the lock creates the history tables (and a tenant's schema): refuse what would reach past the tenant first.
        var unlocked = HistoryAnalysis.Analyse(bundle, await session.History.ReadAsync(cancellationToken), checksums);
        var undone = DevPlan.RollBack(unlocked, rendered, shippedThrough).Select(item => item.Migration).ToList();
        var reapplied = undone.Concat(unlocked.Pending.Select(status => rendered[status.Migration.Version]));
        TenantSchemaGuard.RefuseOtherSchemas(settings, undone.Select(migration => (migration.Migration, migration.Down)).Concat(reapplied.Select(migration => (migration.Migration, migration.Up))), options.AllowedSchemas ?? []);
        await session.LockAsync(context.Progress, options.LockWait, cancellationToken);

        // Planned again under the lock: only now is the history what this run changes.
        var plan = DevPlan.RollBack(HistoryAnalysis.Analyse(bundle, await session.History.ReadAsync(cancellationToken), checksums), rendered, shippedThrough);
        var rolledBack = new List<RolledBackMigration>();
        if (plan.Count > 0)
        {
            context.Progress.Info($"Rolling back {plan.Count} migration(s) on {settings.Description}, newest first.");
            // Its own line per migration (with why it is rolled back), so the runner does not announce them.
            await using var runner = new MigrationRunner(session, options.Timeouts, options.Retries, context.Progress, announce: false, cancellationToken);
            foreach (var (migration, reason) in plan)
            {
                context.Progress.Info($"  ← {migration.Migration.DisplayName} ({reason})");
                try
                {
                    var elapsed = await runner.ApplyAsync(migration, MigrationDirection.Down);
                    rolledBack.Add(new RolledBackMigration(migration.Migration.Version, migration.Migration.Name, reason, (long)elapsed.TotalMilliseconds));
                }
                catch (BundleFailure failure)
                {
                    var done = rolledBack.Count == 0 ? "Nothing was rolled back before it" : $"Rolled back before it: {string.Join(", ", rolledBack.Select(item => $"{item.Version} {item.Name}"))}";
                    throw new BundleFailure(failure.Kind, $"{failure.Message.TrimEnd('.')}. {done}; it and every older migration stay applied, and dev goes on from there when run again. "
                        + "The Down() of an edited migration undoes its current Up(), not the one this database ran: if it cannot, rebuild the database with 'reset --force'.", failure.InnerException ?? failure);
                }
            }
        }

        // The build judged the migrations for the databases it was built for; a developer's own has run unshipped ones by design.
        return await DeployCommand.ApplyPendingAsync(context, session, rendered, options with { TrustBuild = true }, rolledBack, cancellationToken);
    }
}
