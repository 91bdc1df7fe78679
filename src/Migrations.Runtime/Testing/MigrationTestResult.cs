using Migrations.Runtime.Schema;

namespace Migrations.Runtime.Testing;

/// <summary>What <c>test</c> found for one migration: the round trip, the observed locks and rewrites, and how they compare with the rules.</summary>
public sealed record MigrationTestResult(
    long Version,
    string Name,
    bool Transactional,
    long UpMs,
    IReadOnlyDictionary<string, long> SeededRows,
    IReadOnlyList<ObservedTable> Observed,
    IReadOnlyList<PredictedEffect> Predictions,
    IReadOnlyList<string> Mismatches,
    RoundTripOutcome RoundTrip,
    IReadOnlyList<SchemaDifference> Differences,
    string? Failure)
{
    public bool Passed => Failure is null && RoundTrip != RoundTripOutcome.Failed && Mismatches.Count == 0;
}
