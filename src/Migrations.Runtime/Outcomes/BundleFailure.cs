namespace Migrations.Runtime.Cli;

/// <summary>
/// An expected failure with a one-line message that says what to do, and the exit code to end with.
/// The top level prints the message alone: no stack trace reaches the user.
/// </summary>
public sealed class BundleException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    public static BundleException Usage(string message) => new(ExitCodes.UsageError, message);
}
