using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Migrations.Build.Tasks
{
    /// <summary>
    /// Runs the freshly built bundle's hidden build-validate verb out of process (user code never loads into MSBuild)
    /// and turns each finding it prints into an MSBuild error, warning or message with code, file, line and column.
    /// </summary>
    public sealed class ValidateMigrations : Task
    {
        private const string DiagnosticPrefix = "##migrations-diagnostic\t";

        [Required]
        public string BundlePath { get; set; } = string.Empty;

        [Required]
        public string LockFile { get; set; } = string.Empty;

        public string? DotnetHost { get; set; }

        public string? RuntimeConfig { get; set; }

        public string? DepsFile { get; set; }

        public bool Locked { get; set; }

        public string? SqlDirectory { get; set; }

        public string? ScriptPath { get; set; }

        public string? AnalyzerLog { get; set; }

        public int PostgresVersion { get; set; } = 15;

        public bool TransactionPerSession { get; set; }

        public string? NoWarn { get; set; }

        /// <summary>MigrationsSafetyStartAfter: versions at or below it are not checked by the safety rules.</summary>
        public string? SafetyStartAfter { get; set; }

        public string? WorkingDirectory { get; set; }

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

            arguments.AddRange(new[] { BundlePath, "build-validate", "--lock-file", LockFile, "--postgres-version", PostgresVersion.ToString(CultureInfo.InvariantCulture) });
            AddIf(arguments, Locked, "--locked");
            AddIf(arguments, TransactionPerSession, "--transaction-per-session");
            AddValue(arguments, "--sql-dir", SqlDirectory);
            AddValue(arguments, "--script", ScriptPath);
            AddValue(arguments, "--analyzer-log", AnalyzerLog);
            AddValue(arguments, "--no-warn", NoWarn);
            AddValue(arguments, "--safety-start-after", SafetyStartAfter);

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
                    else if (line.Length > 0)
                    {
                        Log.LogMessage(MessageImportance.Low, line);
                    }
                }

                process.WaitForExit();
                exitCode = process.ExitCode;
            }

            // 0: clean or warnings only; 7: errors, each already logged — unless the bundle stopped before any finding
            // (an unreadable lock file, say): then its one-line message on stderr is the error, or a broken lock file
            // would pass silently. Anything else: the validation itself failed.
            if (exitCode == 7 && !Log.HasLoggedErrors)
            {
                Log.LogError(null, "PGM199", null, LockFile, 0, 0, 0, 0, "{0}", FirstError(errors.ToString()));
            }
            else if (exitCode != 0 && exitCode != 7)
            {
                // One line: a crash (a stack overflow in Up(), say) writes thousands of trace lines.
                var lines = errors.ToString().Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Length;
                Log.LogError(null, "PGM199", null, BundlePath, 0, 0, 0, 0,
                    "Migration validation could not run (exit code {0}): {1}{2}", exitCode, FirstError(errors.ToString()),
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
            var help = "https://github.com/migrations-sdk/migrations-sdk/blob/main/docs/rules/" + code + ".md";
            switch (severity)
            {
                case "error":
                    Log.LogError("migrations", code, help, file ?? LockFile, line, column, 0, 0, message);
                    break;
                case "warning":
                    Log.LogWarning("migrations", code, help, file ?? LockFile, line, column, 0, 0, message);
                    break;
                default:
                    Log.LogMessage("migrations", code, help, file ?? LockFile, line, column, 0, 0, MessageImportance.Normal, message);
                    break;
            }
        }

        private static void AddIf(List<string> arguments, bool condition, string flag)
        {
            if (condition)
            {
                arguments.Add(flag);
            }
        }

        private static void AddValue(List<string> arguments, string option, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                arguments.Add(option);
                arguments.Add(value!);
            }
        }

        private static string Quote(string argument) =>
            argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '"', '\t', '\'' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
    }
}
