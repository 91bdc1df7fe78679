using System.CommandLine;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Fleet;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Drift;

/// <summary>The drift verb's options. Parsing only: the work is <see cref="DriftCommand"/>'s.</summary>
internal static class DriftVerb
{
    public static Command Create(VerbSetup setup)
    {
        var lockWait = CommonOptions.LockWait();
        var script = new Option<bool>("--script") { Description = "Also write the SQL that would bring the live schema back to what the migrations say (for review; never run by drift)." };
        var output = CommonOptions.Output("With --script: write the SQL to this file instead of stdout.");
        var command = setup.Verb("drift",
            $"Compare the live schema with the schema the applied migrations produce (built in a temporary database on the same server, under the deploy lock): tables, columns, keys, indexes, views, routines, triggers, types, sequences, extensions, grants and default privileges, owners, row-level security and policies, comments, storage parameters, partitions, collations. Pending migrations are not drift. Exit {ExitCodes.DriftFound} when drift is found.",
            "drift --connection \"$DATABASE_URL\"", "drift --json", "drift --script -o repair.sql");
        command.Options.Add(lockWait);
        command.Options.Add(script);
        command.Options.Add(output);
        var fleet = FleetCommandOptions.AddTo(command, FleetVerb.Drift);
        VerbSetup.SetAction(command, (result, token) =>
        {
            if (fleet.TargetsFile(result) is not null && result.GetValue(script))
            {
                throw BundleFailure.Usage("--script writes one database's repair SQL: with --targets, run drift --script on the database that drifted.");
            }

            return fleet.RunAsync(result, setup.Context(result), setup.Connection(result), targetVersion: null,
                (target, targetConnection, cancel) => DriftCommand.RunAsync(target, targetConnection, result.GetValue(lockWait), result.GetValue(script), result.GetValue(output), cancel), token);
        });
        return command;
    }
}
