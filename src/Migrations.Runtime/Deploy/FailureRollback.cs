using Migrations.Runtime.Connection;
using Migrations.Runtime.Engine;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.Deploy;

/// <summary>
/// deploy --rollback-on-failure: after a migration of this run failed, Down() of the migrations this run applied, newest
/// first, through the same engine as 'rollback' (deploy lock still held, timeouts, retries, history). It stops at the first
/// migration it cannot undo — forward-only, not reversible, or whose Down() fails — because older Down()s may depend on it
/// being gone, and names every migration it did not undo with the reason. Nothing is undone when the failed migration ran
/// without a transaction (it may be half applied: undoing what lies under it is not safe), when the connection was lost,
/// or when the deploy was cancelled. A Down() that reaches past a tenant's schema is refused as by 'rollback'.
/// </summary>
internal static class FailureRollback
{
    public static async Task<RollbackOutcome> RunAsync(MigrationRunner runner, IReadOnlyList<RenderedMigration> appliedThisRun, RenderedMigration failed, BundleFailure failure, DeployOptions options, ConnectionSettings settings, IProgressReporter progress)
    {
        var newestFirst = appliedThisRun.Reverse().ToList();
        var blocked = failure.Kind switch
        {
            Outcome.Cancelled => "the deploy was cancelled",
            Outcome.CannotConnect => "the connection to the server was lost",
            _ when !failed.Migration.IsTransactional => $"{failed.Migration.DisplayName} ran without a transaction and may be partly applied, so undoing what it builds on is not safe",
            _ => null,
        };
        if (blocked is not null || newestFirst.Count == 0)
        {
            return new RollbackOutcome([], newestFirst.Select(rendered => Kept.Of(rendered, blocked ?? string.Empty)).ToList());
        }

        progress.Info($"Rolling back the {newestFirst.Count} migration(s) this deploy applied (--rollback-on-failure).");
        var undone = new List<Undone>();
        for (var index = 0; index < newestFirst.Count; index++)
        {
            var rendered = newestFirst[index];
            var reason = rendered.DownProblem?.Kind switch
            {
                RenderProblemKind.ForwardOnly => "forward-only: it has no Down()",
                RenderProblemKind.NotReversible => $"not reversible: {rendered.DownProblem.Message}",
                _ => OtherSchema(rendered, options, settings),
            };
            if (reason is null)
            {
                try
                {
                    var elapsed = await runner.ApplyAsync(rendered, MigrationDirection.Down);
                    undone.Add(new Undone(rendered.Migration.Version, rendered.Migration.Name, rendered.Migration.IsTransactional, (long)elapsed.TotalMilliseconds));
                    continue;
                }
                catch (BundleFailure downFailure)
                {
                    reason = $"its Down() failed: {downFailure.Message.TrimEnd('.')}";
                }
            }

            var kept = new List<Kept> { Kept.Of(rendered, reason) };
            kept.AddRange(newestFirst.Skip(index + 1).Select(older => Kept.Of(older, $"older than {rendered.Migration.DisplayName}, which was not undone")));
            return new RollbackOutcome(undone, kept);
        }

        return new RollbackOutcome(undone, []);
    }

    /// <summary>As 'rollback' does: a Down() that reaches past the tenant's schema is not run.</summary>
    private static string? OtherSchema(RenderedMigration rendered, DeployOptions options, ConnectionSettings settings)
    {
        try
        {
            TenantSchemaGuard.RefuseOtherSchemas(settings, [(rendered.Migration, rendered.Down)], options.AllowedSchemas ?? []);
            return null;
        }
        catch (BundleFailure refused)
        {
            return "its Down() is refused as by 'rollback': " + refused.Message.Replace(" Nothing was changed.", string.Empty, StringComparison.Ordinal).TrimEnd('.');
        }
    }
}
