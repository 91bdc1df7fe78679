using Spectre.Console;

namespace Migrations.Runtime.Output;

/// <summary>
/// How long operations report, decided once per run: JSON lines with <c>--json</c>; a live line when stderr is a real
/// terminal outside CI; plain lines otherwise (redirected output, CI logs, tests), which stay stable and greppable.
/// </summary>
public static class OperationProgressChoice
{
    public static IOperationProgress For(bool json, TextWriter error)
    {
        if (json)
        {
            return new JsonOperationProgress(error);
        }

        if (!IsInteractiveTerminal(error))
        {
            return new PlainOperationProgress(error);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        return new LiveOperationProgress(console);
    }

    private static bool IsInteractiveTerminal(TextWriter error) =>
        ReferenceEquals(error, Console.Error)
        && !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && Environment.GetEnvironmentVariable("TERM") is not (null or "" or "dumb");
}
