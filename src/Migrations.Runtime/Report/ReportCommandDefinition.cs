using System.CommandLine;
using Migrations.Runtime.Cli;

namespace Migrations.Runtime.Report;

/// <summary>The report verb's options. Parsing only: the work is <see cref="ReportCommand"/>'s.</summary>
internal static class ReportCommandDefinition
{
    public static Command Create(string bundleName, Func<ParseResult, BundleContext> context)
    {
        var baseLock = new Option<string?>("--base-lock") { HelpName = "FILE", Description = "The base branch's migrations.lock.json (e.g. from 'git show origin/main:path/migrations.lock.json'): only migrations absent from it, or changed, are reported. Without it every migration is." };
        var testResults = new Option<string?>("--test-results") { HelpName = "FILE", Description = "What 'test -o FILE' wrote in the same job: the observed locks, rewrites and durations go next to the predictions." };
        var analyzerLog = new Option<string?>("--analyzer-log") { HelpName = "FILE", Description = "The compiler's SARIF error log (obj/…/<Project>.analyzers.sarif, or the MigrationsSarifFile), for the analyzers' findings." };
        var sourceUrl = new Option<string?>("--source-url") { HelpName = "URL", Description = "Link source files under this URL, e.g. https://github.com/org/repo/blob/<sha>/ (paths relative to the repository the file is in)." };
        var output = new Option<string?>("--output", "-o") { HelpName = "FILE", Description = "Write the Markdown (or with --json the JSON) to this file instead of stdout." };
        var command = new Command("report", $"""
            Write the pull-request view of the migrations new on a branch, as Markdown for a PR comment or a job summary: per migration its findings with links, the predicted locks and rewrites (next to what 'test' observed, given --test-results), and its SQL, collapsed. Needs no database.

            Example: {bundleName} report --base-lock base.lock.json --test-results test-results.json -o report.md
            """);
        command.Options.Add(baseLock);
        command.Options.Add(testResults);
        command.Options.Add(analyzerLog);
        command.Options.Add(sourceUrl);
        command.Options.Add(output);
        command.SetAction(result => ReportCommand.Run(context(result), new ReportOptions(
            result.GetValue(baseLock), result.GetValue(testResults), result.GetValue(analyzerLog), result.GetValue(sourceUrl), result.GetValue(output))));
        return command;
    }
}
