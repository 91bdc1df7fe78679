using System.Diagnostics;

namespace Migrations.Runtime.Proving;

/// <summary>
/// Runs a PostgreSQL program with arguments as a list (no shell, no quoting bugs). Secrets go in
/// <c>environment</c> (PGPASSWORD), never in the arguments, which any user can read in the process list.
/// </summary>
internal static class ExternalProcess
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string FirstErrorLine => (Error + "\n" + Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {ExitCode}";
    }

    public static Result Run(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment, string? runAsUser = null)
    {
        var start = runAsUser is null
            ? new ProcessStartInfo(program)
            : new ProcessStartInfo("runuser", ["-u", runAsUser, "--", program]);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, output, error.GetAwaiter().GetResult());
    }
}
