using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Fleet;

/// <summary>
/// Runs targets with bounded parallelism in one process: the canaries first, then the rest only if every canary
/// succeeded; after a failure, --on-failure stop starts no further target (those running finish: a deploy is never cut
/// off halfway). Ctrl-C or SIGTERM cancels the running targets the way it cancels a single deploy.
/// </summary>
internal sealed class FleetScheduler(BundleContext context, FleetProgress progress, FleetVerb verb, SingleTargetAction action, FleetJournal? journal, int parallel, FailurePolicy onFailure)
{
    private volatile bool _failed;

    public async Task<IReadOnlyList<TargetOutcome>> RunAsync(IReadOnlyList<FleetTarget> targets, int canary, CancellationToken cancellationToken)
    {
        ReserveThreads(parallel);
        var outcomes = new TargetOutcome?[targets.Count];
        var toRun = new List<int>();
        for (var index = 0; index < targets.Count; index++)
        {
            if (journal?.IsFinished(targets[index]) == true)
            {
                outcomes[index] = TargetOutcome.Skipped(targets[index]);
            }
            else
            {
                toRun.Add(index);
            }
        }

        var canaries = toRun.Take(canary).ToList();
        if (canaries.Count > 0)
        {
            progress.Info($"Canary: {canaries.Count} target(s) first; the other {toRun.Count - canaries.Count} only if they all succeed.");
            await RunBatchAsync(targets, canaries, outcomes, cancellationToken);
            if (canaries.Any(index => outcomes[index]!.State != TargetState.Succeeded))
            {
                MarkNotStarted(targets, outcomes, cancellationToken.IsCancellationRequested ? "cancelled" : "a canary target failed");
                return outcomes!;
            }
        }

        await RunBatchAsync(targets, toRun.Skip(canaries.Count).ToList(), outcomes, cancellationToken);
        MarkNotStarted(targets, outcomes, cancellationToken.IsCancellationRequested ? "cancelled" : "--on-failure stop after a failure");
        return outcomes!;
    }

    private async Task RunBatchAsync(IReadOnlyList<FleetTarget> targets, IReadOnlyList<int> batch, TargetOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        var next = -1;
        async Task WorkAsync()
        {
            while (!cancellationToken.IsCancellationRequested && !(_failed && onFailure == FailurePolicy.Stop))
            {
                var position = Interlocked.Increment(ref next);
                if (position >= batch.Count)
                {
                    return;
                }

                var index = batch[position];
                outcomes[index] = await RunOneAsync(targets[index], cancellationToken);
            }
        }

        // Each worker runs its targets one after another; Task.Run keeps a target's synchronous stretches (FluentMigrator
        // renders and executes synchronously) from holding up the others.
        await Task.WhenAll(Enumerable.Range(0, Math.Min(parallel, batch.Count)).Select(_ => Task.Run(WorkAsync, CancellationToken.None)));
    }

    private async Task<TargetOutcome> RunOneAsync(FleetTarget target, CancellationToken cancellationToken)
    {
        journal?.Started(target);
        var outcome = await TargetRun.RunAsync(context, progress, target, verb, action, cancellationToken);
        journal?.Finished(outcome);
        if (outcome.State == TargetState.Failed)
        {
            _failed = true;
            progress.Warn($"[{target.Label}] {outcome.Result} (exit {outcome.ExitCode}): {outcome.Error ?? "see above"}");
        }
        else
        {
            progress.Info($"[{target.Label}] {outcome.Result}{(outcome.Count is { } count ? $", {verb.CountName} {count}" : string.Empty)} ({outcome.Duration.TotalSeconds:0.00}s)");
        }

        return outcome;
    }

    /// <summary>
    /// FluentMigrator runs a migration's statements synchronously, so every running target holds a thread-pool thread
    /// while it waits for the server. The pool adds threads only slowly once all are busy (measured: --parallel 8 ran
    /// three times slower than --parallel 1): reserve enough for every target and the continuations between them.
    /// </summary>
    private static void ReserveThreads(int parallel)
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        var wanted = Environment.ProcessorCount + (2 * parallel);
        if (workers < wanted)
        {
            ThreadPool.SetMinThreads(wanted, completionPorts);
        }
    }

    private static void MarkNotStarted(IReadOnlyList<FleetTarget> targets, TargetOutcome?[] outcomes, string reason)
    {
        for (var index = 0; index < outcomes.Length; index++)
        {
            outcomes[index] ??= TargetOutcome.NotStarted(targets[index], reason);
        }
    }
}
