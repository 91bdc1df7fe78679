using Migrations.Runtime.BuildValidation;

namespace Migrations.Runtime.Report;

/// <summary>
/// Where the report's inputs came from and how it links to source: paths relative to the repository the file is in (the
/// nearest folder holding .git; else the working directory), as links under --source-url
/// (e.g. https://github.com/org/repo/blob/SHA/) when given.
/// </summary>
internal sealed record ReportSources(string Scope, TestResults? Tests, string? SourceUrl)
{
    public string Link(SourceLocation location)
    {
        var relative = Path.GetRelativePath(Backup.BackupLocation.GitWorkTreeOf(Path.GetDirectoryName(Path.GetFullPath(location.File))!) ?? Environment.CurrentDirectory, location.File).Replace('\\', '/');
        var display = $"`{relative}:{location.Line}`";
        return SourceUrl is null || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? display
            : $"[{display}]({SourceUrl.TrimEnd('/')}/{Uri.EscapeDataString(relative).Replace("%2F", "/", StringComparison.Ordinal)}#L{location.Line})";
    }
}
