using System.CommandLine;
using Migrations.Runtime.Fleet;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Cli;

/// <summary>
/// The fleet options of a verb (--targets, --parallel, --shard; for deploy also --canary, --on-failure, --journal), each
/// defined once here, and the switch between one target and many. Parsing only: the work is <see cref="FleetCommand"/>'s.
/// </summary>
internal sealed class FleetCommandOptions
{
    private readonly FleetVerb _verb;

    private readonly Option<string?> _targets = new("--targets")
    {
        HelpName = "FILE",
        Description = "Run on every database listed in FILE (one connection per line, URL or keyword form; # comments; or JSON) instead of --connection. Prints one summary table; exits non-zero when any target failed.",
    };

    private readonly Option<int> _parallel = new("--parallel")
    {
        HelpName = "N",
        Description = "With --targets: how many targets run at once (each with its own two connections: the session and a watcher).",
        DefaultValueFactory = _ => FleetOptions.DefaultParallel,
    };

    private readonly Option<string?> _shard = new("--shard")
    {
        HelpName = "I/N",
        Description = $"With --targets: run only shard I of N (targets at positions p with p mod N = I, counted from 0). Default in a Kubernetes Indexed Job: {FleetShard.IndexVariable}/{FleetShard.CountVariable}.",
    };

    private readonly Option<int> _canary = new("--canary")
    {
        HelpName = "K",
        Description = "With --targets: deploy the first K targets first, and the rest only if all of them succeeded.",
    };

    private readonly Option<string> _onFailure = new("--on-failure")
    {
        Description = "With --targets: after a target failed, 'stop' starting new targets (default; running ones finish) or 'continue' with the rest.",
        DefaultValueFactory = _ => "stop",
    };

    private readonly Option<string?> _journal = new("--journal")
    {
        HelpName = "PATH",
        Description = "With --targets: the journal that lets a killed fleet deploy resume without redoing finished targets. Default: FILE.journal beside the targets file.",
    };

    private FleetCommandOptions(FleetVerb verb)
    {
        _verb = verb;
        _onFailure.AcceptOnlyFromAmong("stop", "continue");
    }

    public static FleetCommandOptions AddTo(Command command, FleetVerb verb)
    {
        var options = new FleetCommandOptions(verb);
        foreach (var option in options.Own())
        {
            command.Options.Add(option);
        }

        return options;
    }

    public string? TargetsFile(ParseResult result) => result.GetValue(_targets);

    /// <summary>The verb on --connection (or DATABASE_URL), or on every target of --targets.</summary>
    public Task<Outcome> RunAsync(ParseResult result, BundleContext context, string? connection, long? targetVersion, SingleTargetAction action, CancellationToken cancellationToken)
    {
        var targets = result.GetValue(_targets);
        if (targets is null)
        {
            var stray = Own().Skip(1).FirstOrDefault(option => result.GetResult(option) is { Implicit: false });
            if (stray is not null)
            {
                throw BundleFailure.Usage($"{stray.Name} needs --targets FILE (it is about running on many databases).");
            }

            return action(context, connection, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(connection))
        {
            throw BundleFailure.Usage("--connection and --targets exclude each other: put every database into the targets file.");
        }

        var options = new FleetOptions(
            targets,
            result.GetValue(_parallel),
            _verb.ChangesDatabases ? result.GetValue(_canary) : 0,
            result.GetValue(_onFailure) == "continue" ? FailurePolicy.Continue : FailurePolicy.Stop,
            result.GetValue(_shard),
            _verb.ChangesDatabases ? result.GetValue(_journal) : null);
        return FleetCommand.RunAsync(context, _verb, options, targetVersion, action, cancellationToken);
    }

    private IEnumerable<Option> Own() => _verb.ChangesDatabases
        ? [_targets, _parallel, _shard, _canary, _onFailure, _journal]
        : [_targets, _parallel, _shard];
}
