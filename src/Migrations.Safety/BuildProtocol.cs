namespace Migrations.Safety;

/// <summary>
/// What the bundle's build-validate verb and the SDK's MSBuild task agree on. One file, compiled into both (the task
/// cannot load Migrations.Safety), so neither side can drift from the other.
/// </summary>
public static class BuildProtocol
{
    /// <summary>Starts every stdout line that carries a finding: prefix, then tab-separated severity, id, file, line, column, message.</summary>
    public const string DiagnosticPrefix = "##migrations-diagnostic";

    /// <summary>Starts a stdout line the build shows as it is (what the lock file re-recorded): prefix, tab, the text.</summary>
    public const string NotePrefix = "##migrations-note";

    /// <summary>build-validate found errors (each already printed as a diagnostic line).</summary>
    public const int FindingsExitCode = 7;

    /// <summary>Where every rule's page is: the help link of each finding, from the IDE and from the build alike.</summary>
    public const string HelpLinkBase = "https://github.com/migrations-sdk/migrations-sdk/blob/main/docs/rules/";

    public static string HelpLink(string ruleId) => HelpLinkBase + ruleId + ".md";
}
