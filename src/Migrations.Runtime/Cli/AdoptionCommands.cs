using System.CommandLine;
using Migrations.Runtime.Scaffold;

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
    }

    private static Command Scaffold(Option<string?> connection, Func<ParseResult, BundleContext> context, string bundleName)
    {
        var schemas = new Option<string[]>("--schema") { Description = "A schema to scaffold; repeat for several. Default: the connection's (?schema=, else public).", AllowMultipleArgumentsPerToken = false };
        var projectDirectory = new Option<string?>("--project-dir") { Description = "Project directory to write Migrations/<version>_<Name>.cs in (default: the current directory)." };
        var name = new Option<string>("--name") { Description = $"Class name of the migration. Default: {ScaffoldCommand.DefaultName}.", DefaultValueFactory = _ => ScaffoldCommand.DefaultName };
        var version = new Option<long?>("--version") { Description = "Version of the migration (default: now, yyyyMMddHHmmss UTC)." };
        var command = Verb(bundleName, "scaffold",
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

    private static Command Verb(string bundleName, string name, string description, params string[] examples) =>
        new(name, description + Environment.NewLine + string.Concat(examples.Select(example => $"{Environment.NewLine}Example: {bundleName} {example}")));
}
