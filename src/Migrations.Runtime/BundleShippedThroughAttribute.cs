namespace Migrations;

/// <summary>
/// The MigrationsShippedThrough the build judged the migrations with, written by the SDK. deploy compares it with what
/// the target database has really applied: the build's "this table is still empty" holds only for tables that have not
/// reached the database yet.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class BundleShippedThroughAttribute(string version) : Attribute
{
    public string Version { get; } = version;
}
