using System.CommandLine;
using System.Reflection;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime;

/// <summary>
/// The entry point the SDK generates into every migrations project: <c>return Bundle.Run(typeof(…).Assembly, args);</c>.
/// Every failure ends here as one line on stderr and a documented exit code, never a stack trace.
/// </summary>
public static class Bundle
{
    public static int Run(Assembly migrations, string[] args) => Run(migrations, args, Console.Out, Console.Error);

    public static int Run(Assembly migrations, string[] args, TextWriter output, TextWriter error) =>
        Run(migrations, args, output, error, include: null);

    internal static int Run(Assembly migrations, string[] args, TextWriter output, TextWriter error, Func<Type, bool>? include) =>
        Run(migrations, args, output, error, include, CancellationToken.None);

    /// <param name="cancel">Tests cancel through this what a user cancels with Ctrl-C.</param>
    internal static int Run(Assembly migrations, string[] args, TextWriter output, TextWriter error, Func<Type, bool>? include, CancellationToken cancel)
    {
        var bundleName = migrations.GetName().Name ?? "bundle";
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        ConsoleCancelEventHandler onCancel = (_, eventArgs) =>
        {
            // First Ctrl-C: stop cleanly (roll back, release the lock). A second one kills the process.
            eventArgs.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        // Kubernetes and docker stop send SIGTERM: stop the same clean way (roll back, release the deploy lock).
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        try
        {
            var root = new BundleCommandLine(bundleName, (json, tags) => new BundleContext(migrations, output, error, json, ExitCodes.Of, include, tags)).Build();
            var parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                // "Unrecognized command or argument 'x'" says more than "Required command was not provided".
                var first = parseResult.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parseResult.Errors[0];
                var verb = parseResult.CommandResult.Command is RootCommand ? string.Empty : " " + parseResult.CommandResult.Command.Name;
                return Fail(BundleFailure.Usage($"{UsageMessage(first.Message)} Run '{bundleName}{verb} --help' for usage."), output, error, args);
            }

            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return parseResult.InvokeAsync(configuration, cancellation.Token).GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            return Fail(ExceptionOutcome.Explain(exception, bundleName), output, error, args);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// One line on stderr; with --json also <c>{"error": …, "exitCode": …}</c> on stdout, so a CI job that reads the
    /// JSON gets the failure too. The full exception only with MIGRATIONS_DEBUG=1.
    /// </summary>
    private static int Fail(BundleFailure failure, TextWriter output, TextWriter error, string[] args)
    {
        error.WriteLine("error: " + failure.Message);
        if (args.Contains("--json", StringComparer.Ordinal))
        {
            output.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { error = failure.Message, exitCode = ExitCodes.Of(failure.Kind) }));
        }

        if (failure.InnerException is not null && Environment.GetEnvironmentVariable("MIGRATIONS_DEBUG") == "1")
        {
            error.WriteLine(failure.InnerException);
        }

        return ExitCodes.Of(failure.Kind);
    }

    /// <summary>System.CommandLine names .NET types ("System.Nullable`1[System.Int64]") when a value does not parse; say what it takes.</summary>
    private static string UsageMessage(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"^Cannot parse argument '(?<value>.*)' for (?:option|command) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.");
        if (!match.Success)
        {
            return message;
        }

        var type = match.Groups["type"].Value;
        var expected = type.Contains("Int64", StringComparison.Ordinal) ? "a migration version (digits, e.g. 20241102000000)"
            : type.Contains("Int32", StringComparison.Ordinal) ? "a whole number"
            : "a different kind of value";
        var name = match.Groups["name"].Value;
        return $"{(name.StartsWith('-') ? name : "The argument of " + name)} takes {expected}, not '{match.Groups["value"].Value}'.";
    }
}
