using System.CommandLine;
using Migrations.Runtime.Scaffold;
using Migrations.Runtime.Squash;

namespace Migrations.Runtime.Cli;

/// <summary>
/// The verbs that bring an existing database, or a long history of migrations, under the bundle: scaffold and squash.
/// Parsing only, as <see cref="ProvingCommands"/>.
/// </summary>
internal static class AdoptionCommands
{
    public static IEnumerable<Command> Create(Option<string?> connection, Func<ParseResult, BundleContext> context, string bundleName)
    {
        yield return Scaffold(connection, context, bundleName);
        yield return Squash(connection, context, bundleName);
    }

    private static Command Scaffold(Option<string?> connection, Func<ParseResult, BundleContext> context, string bundleName)
    {
        var schemas = new Option<string[]>("--schema") { Description = "A schema to scaffold; repeat for several. Default: the connection's (?schema=, else public).", AllowMultipleArgumentsPerToken = false };
        var projectDirectory = new Option<string?>("--project-dir") { Description = "Project directory to write Migrations/<version>_<Name>.cs in (default: the current directory)." };
        var name = new Option<string>("--name") { Description = $"Class name of the migration. Default: {ScaffoldCommand.DefaultName}.", DefaultValueFactory = _ => ScaffoldCommand.DefaultName };
        var version = new Option<long?>("--version") { Description = "Version of the migration (default: now, yyyyMMddHHmmss UTC)." };
        var command = VerbHelp.Create(bundleName, "scaffold",
            "Read a live database (read-only) and write one migration that recreates its schema: tables, keys, indexes, sequences, types, views, functions, triggers, policies, comments and grants, in dependency order. Fluent calls where FluentMigrator writes an object exactly, Execute.Sql elsewhere. Then build, and run 'baseline VERSION' on that database.",
            "scaffold --connection \"$DATABASE_URL\" --project-dir .", "scaffold --schema public --schema billing --name ShopBaseline");
        command.Options.Add(schemas);
        command.Options.Add(projectDirectory);
        command.Options.Add(name);
        command.Options.Add(version);
        command.SetAction((result, token) => ScaffoldCommand.RunAsync(context(result), result.GetValue(connection), result.GetValue(schemas) ?? [], result.GetValue(projectDirectory),
            result.GetValue(name)!, result.GetValue(version), token));
        return command;
    }

    private static Command Squash(Option<string?> connection, Func<ParseResult, BundleContext> context, string bundleName)
    {
        var to = new Option<long>("--to") { Description = "The newest migration to squash: it and every older one are replaced.", Required = true };
        var projectDirectory = new Option<string?>("--project-dir") { Description = "Project directory whose migration files are replaced (default: the current directory)." };
        var name = new Option<string>("--name") { Description = $"Class name of the squash. Default: {ScaffoldCommand.DefaultName}.", DefaultValueFactory = _ => ScaffoldCommand.DefaultName };
        var command = VerbHelp.Create(bundleName, "squash",
            "Replace the migrations up to --to by one that recreates the schema they produce (applied to a temporary database on the --connection server, or a private cluster when none is given, then scaffolded). It takes the newest one's version and lists theirs ([Squashes]): databases that ran them run nothing again, new databases run it, then the rest. Deletes the replaced files; build afterwards to update migrations.lock.json.",
            "squash --to 20241105000000 --project-dir .");
        command.Options.Add(to);
        command.Options.Add(projectDirectory);
        command.Options.Add(name);
        command.SetAction((result, token) => SquashCommand.RunAsync(context(result), result.GetValue(connection), result.GetValue(to), result.GetValue(projectDirectory), result.GetValue(name)!, token));
        return command;
    }
}
