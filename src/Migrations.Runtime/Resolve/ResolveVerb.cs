using System.CommandLine;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Resolve;

/// <summary>The resolve verb's options. Parsing only: the work is <see cref="ResolveCommand"/>'s.</summary>
internal static class ResolveVerb
{
    public static Command Create(VerbSetup setup)
    {
        var applied = new Option<long?>("--applied") { Description = "Record this version as applied (its changes are in the database)." };
        var rolledBack = new Option<long?>("--rolled-back") { Description = "Record this version as not applied (its changes are not in the database)." };
        var reason = new Option<string?>("--reason") { Description = "Why: stored in the history with who resolved it." };
        var lockWait = CommonOptions.LockWait();
        var command = setup.Verb("resolve", "Mark a migration by hand after repairing the database (a failed non-transactional migration, an edited one). Runs no migration SQL; recorded in the history.",
            "resolve --rolled-back 20241105000000 --reason \"dropped the half-built index by hand\"");
        command.Options.Add(applied);
        command.Options.Add(rolledBack);
        command.Options.Add(reason);
        command.Options.Add(lockWait);
        VerbSetup.SetAction(command, (result, token) => ResolveCommand.RunAsync(setup.Context(result), setup.Connection(result), result.GetValue(applied), result.GetValue(rolledBack), result.GetValue(reason), result.GetValue(lockWait), token));
        return command;
    }
}
