using System.CommandLine;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Scaffold;

namespace Migrations.Runtime.Squash;

/// <summary>The squash verb's options. Parsing only: the work is <see cref="SquashCommand"/>'s.</summary>
internal static class SquashVerb
{
    public static Command Create(VerbSetup setup)
    {
        var to = new Option<long>("--to") { Description = "The newest migration to squash: it and every older one are replaced.", Required = true };
        var projectDirectory = CommonOptions.ProjectDirectory("Project directory whose migration files are replaced (default: the current directory).");
        var name = ScaffoldVerb.ClassName("Class name of the squash.");
        var command = setup.Verb("squash",
            "Replace the migrations up to --to by one that recreates the schema they produce (applied to a temporary database on the --connection server, or a private cluster when none is given, then scaffolded). It takes the newest one's version and lists theirs ([Squashes]): databases that ran them run nothing again, new databases run it, then the rest. Deletes the replaced files; build afterwards to update migrations.lock.json.",
            "squash --to 20241105000000 --project-dir .");
        command.Options.Add(to);
        command.Options.Add(projectDirectory);
        command.Options.Add(name);
        VerbSetup.SetAction(command, (result, token) => SquashCommand.RunAsync(setup.Context(result), setup.Connection(result), result.GetValue(to), result.GetValue(projectDirectory), result.GetValue(name)!, token));
        return command;
    }
}
