using System.CommandLine;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Deploy;

namespace Migrations.Runtime.Dev;

/// <summary>The dev verb's options. Parsing only: the work is <see cref="DevCommand"/>'s.</summary>
internal static class DevVerb
{
    public static Command Create(VerbSetup setup)
    {
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Run against a host other than localhost, a loopback address or a Unix socket (refused otherwise: dev rolls migrations back, data with them)." };
        var command = setup.Verb("dev", $"For your own database: roll back the applied migrations edited since they were applied (and those applied after them, or after a pending one older than them), newest first, then apply everything pending, under the deploy lock. A changed migration that has shipped (MigrationsShippedThrough) is drift: refused (exit {ExitCodes.ValidationFailed}), as is, before connecting, a host other than localhost, a loopback address or a Unix socket without --allow-remote, and a protected database (exit {ExitCodes.Refused}).",
            "dev --connection \"postgresql://postgres@localhost:5432/shop_dev\"", "dev --allow-remote");
        command.Options.Add(allowRemote);
        var engine = EngineOptions.AddTo(command);
        VerbSetup.SetAction(command, (result, token) => DevCommand.RunAsync(setup.Context(result), new DeployOptions(
                setup.Connection(result), Target: null, DryRun: false, AllowOutOfOrder: false, engine.LockWait(result), engine.Timeouts(result),
                engine.Retries(result), AllowedSchemas: engine.AllowedSchemas(result)),
            result.GetValue(allowRemote), token));
        return command;
    }
}
