using Migrations.Runtime.Engine;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Rendering;

namespace Migrations.Runtime.Fleet;

/// <summary>
/// A verb over a targets file (<c>deploy --targets FILE</c>, also status, validate and drift): this process's shard of
/// the targets, each run through the verb's own single-target code path, a journal for deploys, one summary, and an
/// outcome that is success only when every target succeeded.
/// </summary>
public static class FleetCommand
{
    public static async Task<Outcome> RunAsync(BundleContext context, FleetVerb verb, FleetOptions options, long? targetVersion, SingleTargetAction action, CancellationToken cancellationToken)
    {
        if (options.Parallel is < 1 or > FleetOptions.MaxParallel)
        {
            throw BundleFailure.Usage($"--parallel must be between 1 and {FleetOptions.MaxParallel}.");
        }

        if (options.Canary < 0)
        {
            throw BundleFailure.Usage("--canary must be 0 or more.");
        }

        var shard = FleetShard.Resolve(options.Shard, Environment.GetEnvironmentVariable);
        var targets = shard.Slice(TargetsFile.Read(options.TargetsFile));
        var journalPath = verb.ChangesDatabases ? options.JournalPath ?? FleetJournal.DefaultPath(options.TargetsFile, shard) : null;
        var run = new FleetRun(verb, options.TargetsFile, shard, options.Parallel, verb.ChangesDatabases ? options.Canary : 0, verb.ChangesDatabases ? options.OnFailure : FailurePolicy.Continue, journalPath);
        var progress = new FleetProgress(context.Progress);
        using var journal = journalPath is null ? null : FleetJournal.Open(journalPath, Header(context, verb, targetVersion, shard, targets), context.Progress);
        progress.Info(Announcement(run, targets.Count, journal));

        var outcomes = await new FleetScheduler(context, progress, verb, action, journal, run.Parallel, run.OnFailure).RunAsync(targets, run.Canary, cancellationToken);
        var outcome = cancellationToken.IsCancellationRequested ? Outcome.Cancelled : FleetExitCode.Of(outcomes);
        if (journal is not null && outcomes.All(outcome => outcome.State is TargetState.Succeeded or TargetState.Skipped))
        {
            journal.Delete();
            run = run with { JournalRemoved = true };
        }

        FleetReport.Write(context, run, outcomes, context.ExitCodeOf(outcome));
        return outcome;
    }

    private static JournalHeader Header(BundleContext context, FleetVerb verb, long? targetVersion, FleetShard shard, IReadOnlyList<FleetTarget> targets)
    {
        using var host = MigrationHost.Create(context.Assembly);
        var checksums = new MigrationRenderer(host).Checksums(context.Migrations.Migrations);
        return JournalHeader.For(verb, context.Assembly.GetName().Name ?? "bundle", checksums.Select(pair => (pair.Key, pair.Value)), targetVersion, shard, targets);
    }

    private static string Announcement(FleetRun run, int targets, FleetJournal? journal)
    {
        var shard = run.Shard.IsWhole ? string.Empty : $" (shard {run.Shard} of {run.TargetsFile})";
        var resumed = journal is { FinishedEarlier: > 0 } ? $"; resuming journal {journal.Path}: {journal.FinishedEarlier} target(s) done earlier are skipped" : string.Empty;
        var interrupted = journal is { Interrupted.Count: > 0 } ? $", {journal.Interrupted.Count} interrupted mid-run are run again" : string.Empty;
        return $"{run.Verb.Name} on {targets} target(s){shard}, {run.Parallel} at a time{resumed}{interrupted}.";
    }
}
