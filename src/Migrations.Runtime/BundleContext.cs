using System.Reflection;
using Migrations.Runtime.Discovery;
using Migrations.Runtime.History;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;

namespace Migrations.Runtime;

/// <summary>What every verb's command gets: the bundle's migrations, where to write, --json, progress, who deploys, and the exit code of an outcome.</summary>
public sealed class BundleContext
{
    private MigrationSet? _migrations;

    private readonly Func<Type, bool> _include;
    private readonly IReadOnlyList<string>? _tags;

    /// <param name="exitCodeOf">The process boundary's exit code of an outcome, for the documents that print it (--json, a fleet's summary).</param>
    public BundleContext(Assembly assembly, TextWriter output, TextWriter error, bool json, Func<Outcome, int> exitCodeOf, Func<Type, bool>? include = null, IReadOnlyList<string>? tags = null)
        : this(assembly, output, error, json, exitCodeOf, include, tags, progressToError: json)
    {
    }

    private BundleContext(Assembly assembly, TextWriter output, TextWriter error, bool json, Func<Outcome, int> exitCodeOf, Func<Type, bool>? include, IReadOnlyList<string>? tags, bool progressToError)
    {
        ExitCodeOf = exitCodeOf;
        _include = include ?? (_ => true);
        _tags = tags;
        Assembly = assembly;
        Output = output;
        Error = error;
        Json = json;
        // With --json, stdout carries one JSON document: progress goes to stderr.
        Progress = new ConsoleProgress(progressToError ? error : output, error, OperationProgressChoice.For(json, error));
        Actor = DeployActor.Current(assembly);
    }

    /// <summary>The same context with progress on stderr, for a verb whose stdout is a file's content (drift --script).</summary>
    public BundleContext WithProgressOnError() => new(Assembly, Output, Error, Json, ExitCodeOf, _include, _tags, progressToError: true);

    private BundleContext(BundleContext fleet, TextWriter output, IProgressReporter progress)
    {
        _include = fleet._include;
        _tags = fleet._tags;
        _migrations = fleet.Migrations;
        ExitCodeOf = fleet.ExitCodeOf;
        Assembly = fleet.Assembly;
        Output = output;
        // A target's failure reaches the fleet's summary through its JSON document ("error"), named with its target.
        Error = TextWriter.Null;
        Json = true;
        Progress = progress;
        Actor = fleet.Actor;
    }

    public Assembly Assembly { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public bool Json { get; }

    public IProgressReporter Progress { get; }

    public DeployActor Actor { get; }

    /// <summary>The exit code the process ends with for an outcome: decided at the process boundary, printed by reports.</summary>
    public Func<Outcome, int> ExitCodeOf { get; }

    /// <summary>The migrations of this run: the bundle's, selected by --tags (or the bundle's MigrationsTags) as FluentMigrator would.</summary>
    public MigrationSet Migrations => _migrations ??= MigrationSet.Load(Assembly, _include, _tags);

    /// <summary>The tags the run selects migrations with.</summary>
    public IReadOnlyList<string> Tags => RunnerTags.For(Assembly, _tags);

    /// <summary>
    /// One target of a fleet run: the same bundle (its migrations loaded once), the verb's JSON document captured in
    /// <paramref name="output"/> for the fleet's summary, progress lines that name the target.
    /// </summary>
    internal BundleContext ForTarget(TextWriter output, IProgressReporter progress) => new(this, output, progress);
}
