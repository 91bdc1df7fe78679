using System.CommandLine;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Rollback;

/// <summary>The rollback verb's options. Parsing only: the work is <see cref="RollbackCommand"/>'s.</summary>
internal static class RollbackVerb
{
    public static Command Create(VerbSetup setup)
    {
        var steps = new Option<int?>("--steps") { Description = "Roll back the newest N applied migrations." };
        var to = new Option<long?>("--to") { Description = "Roll back every migration newer than this version (0: all)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the Down() SQL the rollback would run, newest first, and run nothing (no lock taken). Exits as the rollback would." };
        var command = setup.Verb("rollback", "Run Down() of applied migrations, newest first, under the deploy lock.", "rollback --steps 1", "rollback --to 20241102000000", "rollback --steps 2 --dry-run");
        command.Options.Add(steps);
        command.Options.Add(to);
        command.Options.Add(dryRun);
        var engine = EngineOptions.AddTo(command);
        VerbSetup.SetAction(command, (result, token) => RollbackCommand.RunAsync(setup.Context(result), setup.Connection(result), result.GetValue(steps), result.GetValue(to), result.GetValue(dryRun),
            engine.LockWait(result), engine.Timeouts(result), engine.Retries(result), engine.AllowedSchemas(result), token));
        return command;
    }
}
