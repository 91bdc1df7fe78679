using System.CommandLine;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Create;

/// <summary>The create verb's options. Parsing only: the work is <see cref="CreateCommand"/>'s.</summary>
internal static class CreateVerb
{
    public static Command Create(VerbSetup setup)
    {
        var name = new Argument<string>("name") { Description = "What the migration does, e.g. add_glossary." };
        var projectDirectory = CommonOptions.ProjectDirectory("The migrations project's folder, holding its .csproj (default: the current directory).");
        var command = setup.Verb("create", "Write Migrations/<yyyyMMddHHmmss>_<Name>.cs into the migrations project from a template. Refused where there is no .csproj. Never overwrites.", "create add_glossary --project-dir samples/VideoDubbing.Migrations");
        command.Arguments.Add(name);
        command.Options.Add(projectDirectory);
        VerbSetup.SetAction(command, result => CreateCommand.Run(setup.Context(result), result.GetValue(name)!, result.GetValue(projectDirectory), DateTimeOffset.UtcNow));
        return command;
    }
}
