namespace Migrations.Runtime.Outcomes;

/// <summary>
/// An expected failure: what went wrong (<see cref="Kind"/>) and a one-line message that says what to do. Thrown by
/// services; the process boundary prints the message alone (no stack trace) and ends with the kind's exit code.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Named for what it is to the user, a failure with a kind, as ConnectionFailure is.")]
public sealed class BundleFailure(Outcome kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public Outcome Kind { get; } = kind;

    public static BundleFailure Usage(string message) => new(Outcome.UsageError, message);
}
