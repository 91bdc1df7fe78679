using System.CommandLine;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Scaffold;

/// <summary>The scaffold verb's options. Parsing only: the work is <see cref="ScaffoldCommand"/>'s.</summary>
internal static class ScaffoldVerb
{
    public static Command Create(VerbSetup setup)
    {
        var schemas = new Option<string[]>("--schema") { Description = "A schema to scaffold; repeat for several. Default: the connection's (?schema=, else public).", AllowMultipleArgumentsPerToken = false };
        var projectDirectory = CommonOptions.ProjectDirectory("Project directory to write Migrations/<version>_<Name>.cs in (default: the current directory).");
        var name = ClassName("Class name of the migration.");
        var version = new Option<long?>("--version") { Description = "Version of the migration (default: now, yyyyMMddHHmmss UTC)." };
        var command = setup.Verb("scaffold",
            "Read a live database (read-only) and write one migration that recreates its schema: tables, keys, indexes, sequences, types, views, functions, triggers, policies, comments and grants, in dependency order. Fluent calls where FluentMigrator writes an object exactly, Execute.Sql elsewhere. Then build, and run 'baseline VERSION' on that database.",
            "scaffold --connection \"$DATABASE_URL\" --project-dir .", "scaffold --schema public --schema billing --name ShopBaseline");
        command.Options.Add(schemas);
        command.Options.Add(projectDirectory);
        command.Options.Add(name);
        command.Options.Add(version);
        VerbSetup.SetAction(command, (result, token) => ScaffoldCommand.RunAsync(setup.Context(result), setup.Connection(result), result.GetValue(schemas) ?? [], result.GetValue(projectDirectory),
            result.GetValue(name)!, result.GetValue(version), token));
        return command;
    }

    /// <summary>--name of the migration class a verb writes (scaffold, squash).</summary>
    public static Option<string> ClassName(string description) =>
        new("--name") { Description = $"{description} Default: {ScaffoldCommand.DefaultName}.", DefaultValueFactory = _ => ScaffoldCommand.DefaultName };
}
