using System.Net;
using Migrations.Runtime.Connection;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Dev;

/// <summary>
/// dev rolls migrations back, data with them: it runs only where a database is a developer's own. A production database
/// is reached over the network, so the rule is the host: localhost, a loopback address or a Unix socket (every host, when
/// the connection lists several), else --allow-remote.
/// </summary>
internal static class LocalDatabase
{
    public static void RefuseRemote(ConnectionSettings settings, bool allowRemote)
    {
        if (!allowRemote && !settings.Host.Split(',').All(IsLocal))
        {
            throw new BundleFailure(Outcome.Refused, $"dev rolls back and re-applies migrations, and {settings.Description} is not on this machine: it runs only against localhost, a loopback address or a Unix socket. Pass --allow-remote if that server is a development database.");
        }
    }

    private static bool IsLocal(string host)
    {
        var name = host.Trim().Trim('[', ']');
        return name.Length == 0
            || name.StartsWith('/')
            || name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }
}
