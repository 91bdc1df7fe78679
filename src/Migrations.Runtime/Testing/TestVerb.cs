using System.CommandLine;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Testing;

/// <summary>The test verb's options. Parsing only: the work is <see cref="TestCommand"/>'s.</summary>
internal static class TestVerb
{
    public static Command Create(VerbSetup setup)
    {
        var rows = new Option<int>("--rows") { Description = $"Rows generated into every existing table before each migration is observed. Default: {TestCommand.DefaultRows}.", DefaultValueFactory = _ => TestCommand.DefaultRows };
        var command = setup.Verb("test",
            $"Prove every migration on a throwaway database (a temporary database on the --connection server, or a private PostgreSQL cluster when none is given): Up, Down, Up with schema comparison, and the locks and rewrites each Up() really causes on seeded tables, compared with the PGM rules' predictions. Exit {ExitCodes.TestFailed} when a round trip fails or an observation contradicts the rules.",
            "test", "test --connection \"postgresql://postgres@localhost:5432/postgres\" --rows 1000 --json", "test -o test-results.json");
        var results = CommonOptions.Output("Also write the results as one JSON document to this file (what --json prints), for 'report --test-results'.");
        command.Options.Add(rows);
        command.Options.Add(results);
        VerbSetup.SetAction(command, (result, token) => TestCommand.RunAsync(setup.Context(result), setup.Connection(result), result.GetValue(rows), token, result.GetValue(results)));
        return command;
    }
}
