using System.CommandLine;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Report;

/// <summary>The report verb's options. Parsing only: the work is <see cref="ReportCommand"/>'s.</summary>
internal static class ReportVerb
{
    public static Command Create(VerbSetup setup)
    {
        var baseLock = new Option<string?>("--base-lock") { HelpName = "FILE", Description = "The base branch's migrations.lock.json (e.g. from 'git show origin/main:path/migrations.lock.json'): only migrations absent from it, or changed, are reported. Without it every migration is." };
        var testResults = new Option<string?>("--test-results") { HelpName = "FILE", Description = "What 'test -o FILE' wrote in the same job: the observed locks, rewrites and durations go next to the predictions." };
        var analyzerLog = new Option<string?>("--analyzer-log") { HelpName = "FILE", Description = "The compiler's SARIF error log (obj/…/<Project>.analyzers.sarif, or the MigrationsSarifFile), for the analyzers' findings." };
        var sourceUrl = new Option<string?>("--source-url") { HelpName = "URL", Description = "Link source files under this URL, e.g. https://github.com/org/repo/blob/<sha>/ (paths relative to the repository the file is in)." };
        var output = CommonOptions.Output("Write the Markdown (or with --json the JSON) to this file instead of stdout.");
        output.HelpName = "FILE";
        var command = setup.Verb("report", "Write the pull-request view of the migrations new on a branch, as Markdown for a PR comment or a job summary: per migration its findings with links, the predicted locks and rewrites (next to what 'test' observed, given --test-results), and its SQL, collapsed. Needs no database.",
            "report --base-lock base.lock.json --test-results test-results.json -o report.md");
        command.Options.Add(baseLock);
        command.Options.Add(testResults);
        command.Options.Add(analyzerLog);
        command.Options.Add(sourceUrl);
        command.Options.Add(output);
        VerbSetup.SetAction(command, result => ReportCommand.Run(setup.Context(result), new ReportOptions(
            result.GetValue(baseLock), result.GetValue(testResults), result.GetValue(analyzerLog), result.GetValue(sourceUrl), result.GetValue(output))));
        return command;
    }
}
