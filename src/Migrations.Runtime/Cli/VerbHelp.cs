using System.CommandLine;

namespace Migrations.Runtime.Cli;

/// <summary>A verb whose --help says what it does, then one "Example:" line per example (every verb has one).</summary>
internal static class VerbHelp
{
    public static Command Create(string bundleName, string name, string description, params string[] examples) =>
        new(name, description + Environment.NewLine + string.Concat(examples.Select(example => $"{Environment.NewLine}Example: {bundleName} {example}")));
}
