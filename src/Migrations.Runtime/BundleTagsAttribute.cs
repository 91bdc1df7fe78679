namespace Migrations;

/// <summary>
/// The FluentMigrator tags the bundle runs with when no --tags is given: written by the SDK from the project's
/// MigrationsTags property, so the build, the analyzers and the bundle select the same migrations.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class BundleTagsAttribute(string tags) : Attribute
{
    /// <summary>Comma- or semicolon-separated tag names.</summary>
    public string Tags { get; } = tags;
}
