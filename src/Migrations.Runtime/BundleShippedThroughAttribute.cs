using System.Globalization;
using System.Reflection;

namespace Migrations;

/// <summary>
/// The MigrationsShippedThrough the build judged the migrations with, written by the SDK. deploy compares it with what
/// the target database has really applied: the build's "this table is still empty" holds only for tables that have not
/// reached the database yet. dev refuses to roll back a migration at or below it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class BundleShippedThroughAttribute(string version) : Attribute
{
    public string Version { get; } = version;

    /// <summary>The bundle's MigrationsShippedThrough, or null when it was built without one.</summary>
    internal static long? Of(Assembly bundle) =>
        bundle.GetCustomAttribute<BundleShippedThroughAttribute>() is { } attribute
        && long.TryParse(attribute.Version, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version)
            ? version
            : null;
}
