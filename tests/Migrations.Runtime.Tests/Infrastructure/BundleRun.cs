namespace Migrations.Runtime.Tests.Infrastructure;

/// <summary>Runs the bundle in process over one fixture namespace of this assembly (and the namespaces below it), capturing what a user would see.</summary>
public sealed record BundleResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}

public static class BundleRun
{
    public static BundleResult Run(string fixtureNamespace, params string[] args) => Run(fixtureNamespace, CancellationToken.None, args);

    /// <summary>Cancelling <paramref name="cancel"/> is what Ctrl-C does to the real bundle.</summary>
    public static BundleResult Run(string fixtureNamespace, CancellationToken cancel, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = Bundle.Run(typeof(BundleRun).Assembly, args, output, error, type => type.Namespace == fixtureNamespace || type.Namespace?.StartsWith(fixtureNamespace + ".", StringComparison.Ordinal) == true, cancel);
        return new BundleResult(exitCode, output.ToString(), error.ToString());
    }
}
