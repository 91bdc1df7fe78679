using System.CommandLine;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Cli;

/// <summary>
/// What a verb's definition file (<c>Deploy/DeployVerb.cs</c>, …) builds its command with: the one help layout, the
/// root options every verb reads, the verb's <see cref="BundleContext"/>, and an action whose <see cref="Outcome"/>
/// becomes the process's exit code here, at the boundary.
/// </summary>
internal sealed class VerbSetup(string bundleName, Option<string?> connection, Option<bool> json, Option<string?> tags, Func<bool, IReadOnlyList<string>?, BundleContext> context)
{
    /// <summary>The bundle's name in help and messages: the migrations assembly's, which is the executable's.</summary>
    public string BundleName { get; } = bundleName;

    /// <summary>A verb whose --help says what it does, then one "Example:" line per example (every verb has one).</summary>
    public Command Verb(string name, string description, params string[] examples) =>
        new(name, description + Environment.NewLine + string.Concat(examples.Select(example => $"{Environment.NewLine}Example: {BundleName} {example}")));

    /// <summary>--connection as given (DATABASE_URL is read where a connection is resolved).</summary>
    public string? Connection(ParseResult result) => result.GetValue(connection);

    public BundleContext Context(ParseResult result) => context(result.GetValue(json), Discovery.RunnerTags.Split(result.GetValue(tags)));

    public static void SetAction(Command command, Func<ParseResult, CancellationToken, Task<Outcome>> action) =>
        command.SetAction((result, token) => ExitCodes.Of(action(result, token)));

    public static void SetAction(Command command, Func<ParseResult, Outcome> action) =>
        command.SetAction(result => ExitCodes.Of(action(result)));
}
