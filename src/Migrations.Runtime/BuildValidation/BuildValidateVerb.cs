using System.CommandLine;
using Migrations.Runtime.BuildValidation.Severities;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.BuildValidation;

/// <summary>
/// Run by the SDK's MigrationsValidate target after each build; not for people, so hidden from --help. Parsing only:
/// the work is <see cref="BuildValidateCommand"/>'s.
/// </summary>
internal static class BuildValidateVerb
{
    public static Command Create(VerbSetup setup)
    {
        var lockFile = new Option<string>("--lock-file") { Required = true };
        var locked = new Option<bool>("--locked");
        var sqlDirectory = new Option<string?>("--sql-dir");
        var script = new Option<string?>("--script");
        var analyzerLog = new Option<string?>("--analyzer-log");
        var postgresVersion = new Option<int>("--postgres-version") { DefaultValueFactory = _ => Migrations.Safety.Judging.JudgeSettings.DefaultPostgresVersion };
        var transactionPerSession = new Option<bool>("--transaction-per-session");
        var noWarn = new Option<string?>("--no-warn");
        var safetyStartAfter = new Option<long>("--safety-start-after");
        var shippedThrough = new Option<long?>("--shipped-through");
        var treatWarningsAsErrors = new Option<bool>("--treat-warnings-as-errors");
        var warningsAsErrors = new Option<string?>("--warnings-as-errors");
        var warningsNotAsErrors = new Option<string?>("--warnings-not-as-errors");
        var analyzerConfig = new Option<string[]>("--analyzer-config") { AllowMultipleArgumentsPerToken = false };
        var sarif = new Option<string?>("--sarif");
        var command = new Command("build-validate", "Validate the migrations for the build (run by the SDK, with its arguments in a response file).") { Hidden = true };
        foreach (var option in new Option[] { lockFile, locked, sqlDirectory, script, analyzerLog, postgresVersion, transactionPerSession, noWarn, safetyStartAfter, shippedThrough, treatWarningsAsErrors, warningsAsErrors, warningsNotAsErrors, analyzerConfig, sarif })
        {
            command.Options.Add(option);
        }

        VerbSetup.SetAction(command, result => BuildValidateCommand.Run(setup.Context(result), new BuildValidateOptions(
            result.GetValue(lockFile)!, result.GetValue(locked), result.GetValue(sqlDirectory), result.GetValue(script), result.GetValue(analyzerLog),
            result.GetValue(postgresVersion), result.GetValue(transactionPerSession),
            new WarningOptions(
                WarningOptions.Ids(result.GetValue(noWarn)),
                result.GetValue(treatWarningsAsErrors),
                WarningOptions.Ids(result.GetValue(warningsAsErrors)),
                WarningOptions.Ids(result.GetValue(warningsNotAsErrors))),
            result.GetValue(safetyStartAfter),
            result.GetValue(shippedThrough),
            result.GetValue(analyzerConfig) ?? [],
            result.GetValue(sarif))));
        return command;
    }
}
