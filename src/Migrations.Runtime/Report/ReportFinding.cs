using Migrations.Runtime.BuildValidation;

namespace Migrations.Runtime.Report;

/// <summary>
/// A finding about one migration, from the analyzers (the compiler's error log) or the build validation (rendered SQL,
/// structure). <see cref="AcceptedBecause"/> is set when the migration accepts it ([AllowUnsafe] with its reason, or a
/// suppression in source): a reviewer sees the risk and why it was taken.
/// </summary>
internal sealed record ReportFinding(string RuleId, string Level, string Message, SourceLocation? Location, string? AcceptedBecause);
