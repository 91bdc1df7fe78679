using System.CommandLine;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Baseline;

/// <summary>The baseline verb's options. Parsing only: the work is <see cref="BaselineCommand"/>'s.</summary>
internal static class BaselineVerb
{
    public static Command Create(VerbSetup setup)
    {
        var version = new Argument<long>("version") { Description = "Newest version the existing database already has." };
        var force = new Option<bool>("--force") { Description = "Record them even if the schema differs (skips the check)." };
        var lockWait = CommonOptions.LockWait();
        var command = setup.Verb("baseline", $"Adopt an existing database: record every migration up to VERSION as applied without running it, once its schema is checked to be what they produce (a temporary database, as drift; exit {ExitCodes.DriftFound} and the differences when not).",
            "baseline 20241102000000", "baseline 20241102000000 --force");
        command.Arguments.Add(version);
        command.Options.Add(force);
        command.Options.Add(lockWait);
        VerbSetup.SetAction(command, (result, token) => BaselineCommand.RunAsync(setup.Context(result), setup.Connection(result), result.GetValue(version), result.GetValue(force), result.GetValue(lockWait), token));
        return command;
    }
}
