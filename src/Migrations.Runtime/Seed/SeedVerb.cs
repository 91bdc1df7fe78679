using System.CommandLine;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Seed;

/// <summary>The seed verb's options, and the --profile that reset shares. Parsing only: the work is <see cref="SeedCommand"/>'s.</summary>
internal static class SeedVerb
{
    public static Command Create(VerbSetup setup)
    {
        var profile = Profile();
        var lockWait = CommonOptions.LockWait();
        var command = setup.Verb("seed", "Run the bundle's FluentMigrator [Profile] classes (seed data; never versioned), each in its own transaction, under the deploy lock.",
            "seed", "seed --profile demo");
        command.Options.Add(profile);
        command.Options.Add(lockWait);
        VerbSetup.SetAction(command, (result, token) => SeedCommand.RunAsync(setup.Context(result), setup.Connection(result), result.GetValue(profile)!, result.GetValue(lockWait), token));
        return command;
    }

    public static Option<string> Profile() =>
        new("--profile") { Description = $"The [Profile] to run. Default: {SeedCommand.DefaultProfile}.", DefaultValueFactory = _ => SeedCommand.DefaultProfile };
}
