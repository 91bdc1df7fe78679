namespace Migrations.Runtime.Tests.Infrastructure;

/// <summary>Runs the bundle in process over one fixture namespace of this assembly, capturing what a user would see.</summary>
public sealed record BundleResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}

public static class BundleRun
{
    public static BundleResult Run(string fixtureNamespace, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = Bundle.Run(typeof(BundleRun).Assembly, args, output, error, type => type.Namespace == fixtureNamespace);
        return new BundleResult(exitCode, output.ToString(), error.ToString());
    }
}
