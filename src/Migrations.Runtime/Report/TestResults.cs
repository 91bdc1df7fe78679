using System.Text.Json;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;

namespace Migrations.Runtime.Report;

/// <summary>
/// What <c>test -o FILE</c> left for <c>report</c>: per migration the locks and rewrites PostgreSQL really took, how long
/// Up() ran, the round trip, and the predictions and mismatches test held them to. The file is test's --json document.
/// </summary>
internal sealed record TestResults(string Server, int RowsPerTable, bool Passed, IReadOnlyList<ObservedMigration> Migrations)
{
    public static TestResults Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw BundleFailure.Usage($"Cannot read the test results {path} ({exception.Message.TrimEnd('.')}). Pass the file 'test -o FILE' wrote.");
        }

        try
        {
            return JsonSerializer.Deserialize<TestResults>(text, JsonOutput.Options)
                ?? throw new JsonException("empty");
        }
        catch (JsonException)
        {
            throw BundleFailure.Usage($"{path} is not what 'test -o' writes (empty or not its JSON): did the test run finish? Pass the file 'test -o FILE' wrote.");
        }
    }

    public ObservedMigration? Find(long version) => Migrations.FirstOrDefault(migration => migration.Version == version);
}

internal sealed record ObservedMigration(
    long Version,
    string Name,
    bool Passed,
    long UpMs,
    string RoundTrip,
    string? Failure,
    IReadOnlyList<ObservedLock> Locks,
    IReadOnlyList<ObservedPrediction> Predictions,
    IReadOnlyList<string> Mismatches);

internal sealed record ObservedLock(string Table, string? Mode, long HeldMs, bool Rewritten);

internal sealed record ObservedPrediction(string RuleId, string Table, string? MinimumLock, bool Rewrite);
