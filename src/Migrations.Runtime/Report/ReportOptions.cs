namespace Migrations.Runtime.Report;

/// <param name="BaseLock">--base-lock: the base branch's migrations.lock.json; migrations absent from it (or different) are the branch's.</param>
/// <param name="TestResults">--test-results: what 'test -o' wrote in the same job.</param>
/// <param name="AnalyzerLog">--analyzer-log: the compiler's SARIF error log (or MigrationsSarifFile), for the analyzers' findings.</param>
/// <param name="SourceUrl">--source-url: base of links to source files, e.g. https://github.com/org/repo/blob/SHA/.</param>
/// <param name="Output">-o: the Markdown file to write (default: stdout).</param>
public sealed record ReportOptions(string? BaseLock, string? TestResults, string? AnalyzerLog, string? SourceUrl, string? Output);
