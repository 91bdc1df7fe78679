using System.Diagnostics;

namespace Migrations.Runtime.Postgres;

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
        using var process = Start(program, arguments, environment, runAsUser);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    /// <summary>
    /// Runs a long program (pg_restore of a large archive) that the user may cancel: cancelling kills it, so Ctrl-C
    /// never leaves it writing on after the bundle has said it stopped. Each stderr line is passed to
    /// <paramref name="onErrorLine"/> as it arrives (progress), and the lines that are not progress are kept for the result.
    /// </summary>
    public static async Task<Result> RunAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment, Func<string, bool> onErrorLine, CancellationToken cancellationToken)
    {
        using var process = Start(program, arguments, environment, runAsUser: null);
        var kept = new System.Text.StringBuilder();
        var errors = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync(CancellationToken.None) is { } line)
            {
                if (!onErrorLine(line))
                {
                    kept.AppendLine(line);
                }
            }
        }, CancellationToken.None);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        await errors;
        return new Result(process.ExitCode, await output, kept.ToString());
    }

    private static Process Start(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment, string? runAsUser)
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

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
    }
}
