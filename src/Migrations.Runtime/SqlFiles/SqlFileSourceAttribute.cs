namespace Migrations.Runtime.SqlFiles;

/// <summary>
/// Put by the SDK on the class it generates for a .sql migration: the file's path relative to the project, so build
/// validation reports findings at the .sql file rather than in generated code.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SqlFileSourceAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}
