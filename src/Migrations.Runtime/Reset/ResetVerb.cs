using System.CommandLine;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Seed;

namespace Migrations.Runtime.Reset;

/// <summary>The reset verb's options. Parsing only: the work is <see cref="ResetCommand"/>'s.</summary>
internal static class ResetVerb
{
    public static Command Create(VerbSetup setup)
    {
        var force = new Option<bool>("--force") { Description = "Required: reset drops the schema and all its data." };
        var profile = SeedVerb.Profile();
        var lockWait = CommonOptions.LockWait();
        var command = setup.Verb("reset",
            "Drop and recreate the schema, apply every migration and run the seed profile. Development databases only: needs --force and refuses a database marked with 'protect'.",
            "reset --force --connection \"postgresql://dev@localhost/app_dev\"");
        command.Options.Add(force);
        command.Options.Add(profile);
        command.Options.Add(lockWait);
        VerbSetup.SetAction(command, (result, token) => ResetCommand.RunAsync(setup.Context(result), setup.Connection(result), result.GetValue(force), result.GetValue(profile)!, result.GetValue(lockWait), token));
        return command;
    }
}
