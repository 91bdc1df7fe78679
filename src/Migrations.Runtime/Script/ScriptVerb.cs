using System.CommandLine;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Script;

/// <summary>The script verb's options. Parsing only: the work is <see cref="ScriptCommand"/>'s.</summary>
internal static class ScriptVerb
{
    public static Command Create(VerbSetup setup)
    {
        var from = new Option<long?>("--from") { Description = "Start after this version (exclusive)." };
        var to = new Option<long?>("--to") { Description = "End at this version (inclusive)." };
        var down = new Option<bool>("--down") { Description = "Render Down() instead, newest first." };
        var output = CommonOptions.Output("Write to this file instead of stdout.");
        var command = setup.Verb("script", "Render the SQL of a range of migrations offline, with BEGIN/COMMIT boundaries and migrations that run outside a transaction marked. Needs no database.",
            "script --from 20241102000000 --to 20241105000000 -o review.sql");
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(down);
        command.Options.Add(output);
        VerbSetup.SetAction(command, result => ScriptCommand.Run(setup.Context(result), result.GetValue(from), result.GetValue(to), result.GetValue(down), result.GetValue(output)));
        return command;
    }
}
