using System.Reflection;

namespace Migrations.Runtime.History;

/// <summary>Who runs the bundle: recorded with every history event.</summary>
public sealed record DeployActor(string User, string Host, string BundleVersion)
{
    public static DeployActor Current(Assembly bundle) => new(
        Environment.UserName,
        Environment.MachineName,
        $"{bundle.GetName().Name} {bundle.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? bundle.GetName().Version?.ToString() ?? "?"}");
}
