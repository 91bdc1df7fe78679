using System.CommandLine;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Fleet;

namespace Migrations.Runtime.Validate;

/// <summary>The validate verb's options. Parsing only: the work is <see cref="ValidateCommand"/>'s.</summary>
internal static class ValidateVerb
{
    public static Command Create(VerbSetup setup)
    {
        var command = setup.Verb("validate", "Check the migrations offline (unique versions, every Up() renders); with a connection, also that the database history matches the bundle.",
            "validate", "validate --connection \"$DATABASE_URL\"");
        var fleet = FleetCommandOptions.AddTo(command, FleetVerb.Validate);
        VerbSetup.SetAction(command, (result, token) => fleet.RunAsync(result, setup.Context(result), setup.Connection(result), targetVersion: null,
            (context, connection, cancel) => ValidateCommand.RunAsync(context, connection, cancel), token));
        return command;
    }
}
