using System.CommandLine;

namespace Migrations.Runtime.Cli;

/// <summary>
/// The verbs that prove a migration before production (test, drift, backup, restore, seed, reset, protect, unprotect).
/// Kept apart from <see cref="BundleCommandLine"/> so each group of verbs is wired in one place.
/// </summary>
internal static class ProvingCommands
{
    public static IEnumerable<Command> Create(Option<string?> connection, Option<bool> json, Func<ParseResult, BundleContext> context)
    {
        yield break;
    }
}
