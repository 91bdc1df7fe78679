namespace Migrations.Runtime.BuildValidation;

/// <summary>What <see cref="LockFileCheck"/> found and the lock file a local build writes.</summary>
/// <param name="Notes">What a local build re-recorded for migrations that have not shipped, for the build output (true only once the lock file is written).</param>
internal sealed record LockFileResult(IReadOnlyList<BuildDiagnostic> Diagnostics, LockFile Updated, IReadOnlyList<string> Notes);
