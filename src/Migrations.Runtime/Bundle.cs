using System.CommandLine;
using System.Reflection;
using Migrations.Runtime.Cli;

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
            var root = new BundleCommandLine(bundleName, json => new BundleContext(migrations, output, error, json, include)).Build();
            var parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                // "Unrecognized command or argument 'x'" says more than "Required command was not provided".
                var first = parseResult.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parseResult.Errors[0];
                error.WriteLine($"error: {first.Message} Run '{bundleName} --help' for usage.");
                return ExitCodes.UsageError;
            }

            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return parseResult.InvokeAsync(configuration, cancellation.Token).GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            return Report(exception, error, bundleName);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static int Report(Exception exception, TextWriter error, string bundleName)
    {
        var bundleException = Unwrap(exception);
        if (bundleException is not null)
        {
            error.WriteLine("error: " + bundleException.Message);
            return bundleException.ExitCode;
        }

        if (exception is OperationCanceledException)
        {
            error.WriteLine("error: cancelled.");
            return ExitCodes.Cancelled;
        }

        // A bug of ours or of FluentMigrator: one line plus where to look, still no stack trace on the console.
        error.WriteLine($"error: {bundleName} failed unexpectedly: {exception.GetType().Name}: {exception.Message.Split('\n')[0]} Set MIGRATIONS_DEBUG=1 for details.");
        if (Environment.GetEnvironmentVariable("MIGRATIONS_DEBUG") == "1")
        {
            error.WriteLine(exception);
        }

        return ExitCodes.InternalError;
    }

    private static BundleException? Unwrap(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is BundleException bundle)
            {
                return bundle;
            }
        }

        return null;
    }
}
