using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Migrations.Build.Tasks;

/// <summary>
/// Runs the freshly built bundle's hidden build-validate verb out of process (user code never loads into MSBuild)
/// and turns each finding it prints into an MSBuild error, warning or message with code, file, line and column.
/// </summary>
public sealed class ValidateMigrations : Task
{
    private const string DiagnosticPrefix = Migrations.Safety.BuildProtocol.DiagnosticPrefix + "\t";
    private const string NotePrefix = Migrations.Safety.BuildProtocol.NotePrefix + "\t";

    private readonly List<Suggestion> _suggestions = new List<Suggestion>();

    [Required]
    public string BundlePath { get; set; } = string.Empty;

    /// <summary>
    /// Every option of build-validate, one per line, written by the targets: the one list of what validation depends on,
    /// so it is also the incremental input (a changed option re-runs validation) and nothing here needs to know them.
    /// </summary>
    [Required]
    public string ResponseFile { get; set; } = string.Empty;

    /// <summary>Where a failure of the validation itself (an unreadable lock file) is reported.</summary>
    [Required]
    public string LockFile { get; set; } = string.Empty;

    public string? DotnetHost { get; set; }

    public string? RuntimeConfig { get; set; }

    public string? DepsFile { get; set; }

    public string? WorkingDirectory { get; set; }

    /// <summary>Where the info findings go for the end-of-build summary (SummarizeMigrationsSuggestions).</summary>
    public string? SuggestionsFile { get; set; }

    public override bool Execute()
    {
        var arguments = new List<string> { "exec" };
        if (!string.IsNullOrEmpty(RuntimeConfig))
        {
            arguments.AddRange(new[] { "--runtimeconfig", RuntimeConfig! });
        }

        if (!string.IsNullOrEmpty(DepsFile))
        {
            arguments.AddRange(new[] { "--depsfile", DepsFile! });
        }

        arguments.AddRange(new[] { BundlePath, "@" + ResponseFile });

        var host = string.IsNullOrEmpty(DotnetHost) ? "dotnet" : DotnetHost!;
        var start = new ProcessStartInfo(host, string.Join(" ", arguments.ConvertAll(Quote)))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = WorkingDirectory ?? Environment.CurrentDirectory,
        };
        Log.LogMessage(MessageImportance.Low, "{0} {1}", start.FileName, start.Arguments);

        var errors = new StringBuilder();
        int exitCode;
        using (var process = Process.Start(start)!)
        {
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (errors) { errors.AppendLine(e.Data); } } };
            process.BeginErrorReadLine();
            string? line;
            while ((line = process.StandardOutput.ReadLine()) != null)
            {
                if (line.StartsWith(DiagnosticPrefix, StringComparison.Ordinal))
                {
                    LogDiagnostic(line.Substring(DiagnosticPrefix.Length));
                }
                else if (line.StartsWith(NotePrefix, StringComparison.Ordinal))
                {
                    // High: the console shows it at its default verbosity; the developer should know the lock file moved.
                    Log.LogMessage(MessageImportance.High, line.Substring(NotePrefix.Length));
                }
                else if (line.Length > 0)
                {
                    Log.LogMessage(MessageImportance.Low, line);
                }
            }

            process.WaitForExit();
            exitCode = process.ExitCode;
        }

        if (!string.IsNullOrEmpty(SuggestionsFile))
        {
            File.WriteAllLines(SuggestionsFile, _suggestions.ConvertAll(suggestion => suggestion.ToLine()));
        }

        // 0: clean or warnings only; 7: errors, each already logged — unless the bundle stopped before any finding
        // (an unreadable lock file, say): then its one-line message on stderr is the error, or a broken lock file
        // would pass silently. Anything else: the validation itself failed.
        if (exitCode == Migrations.Safety.BuildProtocol.FindingsExitCode && !Log.HasLoggedErrors)
        {
            Log.LogError(null, Migrations.Safety.Rules.RuleIds.ValidationCouldNotRun, null, Migrations.Safety.BuildProtocol.HelpLink(Migrations.Safety.Rules.RuleIds.ValidationCouldNotRun), LockFile, 0, 0, 0, 0, "Migration validation could not run: {0}", FirstError(errors.ToString()));
        }
        else if (exitCode != 0 && exitCode != Migrations.Safety.BuildProtocol.FindingsExitCode)
        {
            // One line: a crash (a stack overflow in Up(), say) writes thousands of trace lines.
            var lines = errors.ToString().Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Length;
            Log.LogError(null, Migrations.Safety.Rules.RuleIds.ValidationCouldNotRun, null, Migrations.Safety.BuildProtocol.HelpLink(Migrations.Safety.Rules.RuleIds.ValidationCouldNotRun), BundlePath, 0, 0, 0, 0,
                "Migration validation could not run: the bundle exited with code {0}: {1}{2}", exitCode, FirstError(errors.ToString()),
                lines > 1 ? $" ({lines - 1} more line(s) of output not shown)" : string.Empty);
        }

        return !Log.HasLoggedErrors;
    }

    private static string FirstError(string stderr)
    {
        foreach (var line in stderr.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                return trimmed.StartsWith("error: ", StringComparison.Ordinal) ? trimmed.Substring("error: ".Length) : trimmed;
            }
        }

        return "Migration validation failed without a message.";
    }

    private void LogDiagnostic(string fields)
    {
        var parts = fields.Split('\t');
        if (parts.Length < 6)
        {
            return;
        }

        var severity = parts[0];
        var code = parts[1];
        var file = parts[2].Length == 0 ? null : parts[2];
        int.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var line);
        int.TryParse(parts[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var column);
        var message = parts[5];
        // The link goes where the IDE puts it (help link) and into the text, which is all a console or CI log shows.
        var help = Migrations.Safety.BuildProtocol.HelpLink(code);
        var text = message + " (" + help + ")";
        switch (severity)
        {
            case "error":
                Log.LogError("migrations", code, code, help, file ?? LockFile, line, column, 0, 0, text);
                break;
            case "warning":
                Log.LogWarning("migrations", code, code, help, file ?? LockFile, line, column, 0, 0, text);
                break;
            default:
                Log.LogMessage("migrations", code, code, file ?? LockFile, line, column, 0, 0, MessageImportance.Normal, text);
                _suggestions.Add(new Suggestion(code, file ?? LockFile, line, column, message));
                break;
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '"', '\t', '\'' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
}
