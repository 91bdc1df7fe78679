using System.CommandLine;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Fleet;

namespace Migrations.Runtime.Status;

/// <summary>The status verb's options. Parsing only: the work is <see cref="StatusCommand"/>'s.</summary>
internal static class StatusVerb
{
    public static Command Create(VerbSetup setup)
    {
        var exitCode = new Option<bool>("--exit-code") { Description = $"Exit {ExitCodes.PendingMigrations} when migrations are pending and {ExitCodes.ValidationFailed} when the history needs attention (for CI gates)." };
        var command = setup.Verb("status", "List every migration with its state: applied (when, by whom), pending, failed, modified since applied; and applied migrations this bundle does not know.",
            "status", "status --json --exit-code");
        command.Options.Add(exitCode);
        var fleet = FleetCommandOptions.AddTo(command, FleetVerb.Status);
        VerbSetup.SetAction(command, (result, token) => fleet.RunAsync(result, setup.Context(result), setup.Connection(result), targetVersion: null,
            (context, connection, cancel) => StatusCommand.RunAsync(context, connection, result.GetValue(exitCode), cancel), token));
        return command;
    }
}
