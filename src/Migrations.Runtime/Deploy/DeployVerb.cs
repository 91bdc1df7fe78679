using System.CommandLine;
using Migrations.Runtime.Backfill;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Fleet;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Deploy;

/// <summary>The deploy verb's options. Parsing only: the work is <see cref="DeployCommand"/>'s.</summary>
internal static class DeployVerb
{
    public static Command Create(VerbSetup setup)
    {
        var target = new Option<long?>("--target") { Description = "Stop after this version (default: the newest)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the SQL of the pending migrations instead of running it." };
        var outOfOrder = new Option<bool>("--allow-out-of-order") { Description = "Apply pending migrations older than the newest applied one." };
        var backup = new Option<bool>("--backup") { Description = "Take a verified pg_dump backup (see 'backup') under the deploy lock first; stop if it fails." };
        var trustBuild = new Option<bool>("--trust-build") { Description = "Deploy as the build judged even when this database has applied migrations past the build's MigrationsShippedThrough (whose tables the build took for empty)." };
        var rollbackOnFailure = new Option<bool>("--rollback-on-failure") { Description = "When a migration fails, run Down() of the migrations this deploy applied, newest first, and say exactly what was and was not undone." };
        var command = setup.Verb("deploy", "Apply pending migrations, one deployer at a time (session advisory lock), with lock_timeout and retries. With --targets, on every database of a targets file.",
            "deploy --target 20241102000000", "deploy --dry-run", "deploy --targets tenants.txt --parallel 8 --canary 2");
        command.Options.Add(target);
        command.Options.Add(dryRun);
        command.Options.Add(outOfOrder);
        command.Options.Add(backup);
        command.Options.Add(trustBuild);
        command.Options.Add(rollbackOnFailure);
        var engine = EngineOptions.AddTo(command);
        var health = HealthOptions(command);
        var fleet = FleetCommandOptions.AddTo(command, FleetVerb.Deploy);
        VerbSetup.SetAction(command, (result, token) =>
        {
            var options = new DeployOptions(
                setup.Connection(result), result.GetValue(target), result.GetValue(dryRun), result.GetValue(outOfOrder),
                engine.LockWait(result), engine.Timeouts(result), engine.Retries(result), result.GetValue(backup), engine.AllowedSchemas(result),
                result.GetValue(trustBuild), result.GetValue(rollbackOnFailure), health(result));
            if (fleet.TargetsFile(result) is not null && (options.DryRun || options.Backup))
            {
                throw BundleFailure.Usage(options.DryRun
                    ? "--dry-run prints one database's SQL: with --targets, run 'status --targets' to see what is pending where."
                    : "--backup writes one archive per database, named after it, which a fleet's databases of the same name would overwrite: back the fleet up with your platform's snapshots, or deploy --backup one database at a time.");
            }

            return fleet.RunAsync(result, setup.Context(result), options.Connection, options.Target,
                (context, connection, cancel) => DeployCommand.RunAsync(context, options with { Connection = connection }, cancel), token);
        });
        return command;
    }

    /// <summary>When a backfill pauses or gives up, and how long a concurrent index build may wait (<see cref="HealthLimits"/>).</summary>
    private static Func<ParseResult, HealthLimits> HealthOptions(Command command)
    {
        var defaults = HealthLimits.Default;
        var maxReplicaLag = CommonOptions.Duration("--max-replica-lag", "A backfill pauses while a streaming replica's replay lag (pg_stat_replication.replay_lag) is above this.", defaults.MaxReplicaLag);
        var maxReplicaLagBytes = CommonOptions.ByteSize("--max-replica-lag-bytes", "A backfill pauses while a streaming replica has more WAL than this still to replay (e.g. 256MB, 1GB).", defaults.MaxReplicaLagBytes, DatabaseHealth.Bytes(defaults.MaxReplicaLagBytes));
        var backfillLockWait = CommonOptions.MoreThanZero(
            CommonOptions.Duration("--backfill-lock-wait", "lock_timeout of each backfill batch, and how long another session may wait for a lock on the backfilled table before the backfill pauses.", defaults.LockWait),
            "it is each batch's lock_timeout, and PostgreSQL reads 0 as no limit");
        var backfillPauseLimit = CommonOptions.Duration("--backfill-pause-limit", $"A backfill paused longer than this in one stretch gives up (exit {ExitCodes.GaveUpWaiting}, resumable: deploy again).", defaults.PauseLimit);
        var indexWaitLimit = CommonOptions.Duration("--index-wait-limit", $"A concurrent index build that waits longer than this for old transactions gives up (exit {ExitCodes.GaveUpWaiting}; the next deploy rebuilds the index).", defaults.IndexWaitLimit);
        foreach (var option in new Option[] { maxReplicaLag, maxReplicaLagBytes, backfillLockWait, backfillPauseLimit, indexWaitLimit })
        {
            command.Options.Add(option);
        }

        return result => new HealthLimits(
            result.GetValue(maxReplicaLag), result.GetValue(maxReplicaLagBytes), result.GetValue(backfillLockWait), result.GetValue(backfillPauseLimit), result.GetValue(indexWaitLimit));
    }
}
