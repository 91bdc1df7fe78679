using System.Text.Json;
using Migrations.Runtime.BuildValidation;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>report: the pull-request view, with test's results from the same job next to the predictions.</summary>
public sealed class ReportTests : IDisposable
{
    private const string Sample = "VideoDubbing.Migrations.Migrations";
    private const string Observed = "Migrations.Runtime.Tests.Fixtures.Observed";

    private readonly string _folder = Directory.CreateTempSubdirectory("report-").FullName;

    [Fact]
    public void OnTheSample_ReportsOnlyTheBranchsMigrationsWithWhatTestObserved()
    {
        var results = Path.Combine(_folder, "test-results.json");
        var test = BundleRun.Run(Sample, "test", "-c", TestPostgres.ServerConnectionString, "--rows", "200", "-o", results);
        Assert.True(test.ExitCode == ExitCodes.Success, test.All);
        // The base branch had shipped everything up to the glossary backfill; the video_path change is this branch's.
        var baseLock = BaseLock(Path.Combine(RepositoryRoot.Path, "samples", "VideoDubbing.Migrations", LockFile.FileName), upTo: 20241105000100);
        var markdown = Path.Combine(_folder, "report.md");

        var report = BundleRun.Run(Sample, "report", "--base-lock", baseLock, "--test-results", results, "--source-url", "https://github.com/org/repo/blob/abc123/", "-o", markdown);

        Assert.True(report.ExitCode == ExitCodes.Success, report.All);
        var text = File.ReadAllText(markdown);
        Assert.StartsWith("<!-- migrations-sdk:report -->\n## Migrations.Runtime.Tests: 3 migration(s) new or changed in this change\n", text);
        Assert.Contains("every migration passed the round trip and matched the predictions", text);
        Assert.Matches(@"\| `20241107000000` DropProjectVideoUrl \| yes \| 1 accepted \| none \| passed, Up \d+ ms; ACCESS EXCLUSIVE[^|]* on public\.projects \|", text);
        Assert.Contains("- accepted [PGM030](https://github.com/migrations-sdk/migrations-sdk/blob/main/docs/rules/PGM030.md): ", text);
        Assert.Contains("— reason: release 2.4 reads and writes only video_path; video_url has been unused since", text);
        Assert.Contains("[`samples/VideoDubbing.Migrations/Migrations/20241107000000_DropProjectVideoUrl.cs:", text);
        Assert.Contains("](https://github.com/org/repo/blob/abc123/samples/VideoDubbing.Migrations/Migrations/20241107000000_DropProjectVideoUrl.cs#L", text);
        Assert.Contains("<details><summary>Up SQL</summary>\n\n```sql\n-- 20241107000000 DropProjectVideoUrl\n", text);
        Assert.Contains("ALTER TABLE \"public\".\"projects\" DROP COLUMN \"video_url\";", text);
        Assert.DoesNotContain("`20241105000100`", text);
        Assert.Contains("round trip (Up, Down, Up): passed.", text);
    }

    [Fact]
    public void ARuleFinding_IsLinkedAndItsPredictionStandsNextToTheObservedLock()
    {
        var results = Path.Combine(_folder, "test-results.json");
        var test = BundleRun.Run(Observed, "test", "-c", TestPostgres.ServerConnectionString, "--rows", "500", "-o", results);
        Assert.True(test.ExitCode == ExitCodes.Success, test.All);

        var report = BundleRun.Run(Observed, "report", "--test-results", results);

        Assert.True(report.ExitCode == ExitCodes.Success, report.All);
        Assert.Contains("- **error** [PGM001](https://github.com/migrations-sdk/migrations-sdk/blob/main/docs/rules/PGM001.md): 202406020000 IndexOrdersByCustomer (rendered SQL): Creating index 'ix_orders_customer' on existing table 'orders'", report.Output);
        Assert.Matches(@"\| public\.orders \| at least SHARE \(PGM001\) \| SHARE held \d+ ms \|", report.Output);
        Assert.Matches(@"\| public\.orders \| at least ACCESS EXCLUSIVE and a rewrite \(PGM009\) \| ACCESS EXCLUSIVE( held \d+ ms)?, rewritten \|", report.Output);
    }

    [Fact]
    public void WithoutTestResults_ThePredictionsStandAloneAndTheReportSaysSo()
    {
        var report = BundleRun.Run(Observed, "report", "--json");

        Assert.True(report.ExitCode == ExitCodes.Success, report.All);
        using var document = JsonDocument.Parse(report.Output);
        Assert.False(document.RootElement.GetProperty("tested").GetBoolean());
        var widen = document.RootElement.GetProperty("migrations")[2];
        Assert.Equal("WidenOrderQuantity", widen.GetProperty("name").GetString());
        var prediction = Assert.Single(widen.GetProperty("predictions").EnumerateArray());
        Assert.Equal("PGM009", prediction.GetProperty("ruleId").GetString());
        Assert.True(prediction.GetProperty("rewrite").GetBoolean());

        var markdown = BundleRun.Run(Observed, "report");
        Assert.Contains("`test` did not run in this job: the locks and rewrites below are predicted, not observed", markdown.Output);
    }

    [Fact]
    public void TestResultsThatAreNotTestsJson_AreAUsageError()
    {
        var results = Path.Combine(_folder, "empty.json");
        File.WriteAllText(results, string.Empty);

        var report = BundleRun.Run(Observed, "report", "--test-results", results);

        Assert.Equal(ExitCodes.UsageError, report.ExitCode);
        Assert.Equal($"error: {results} is not what 'test -o' writes (empty or not its JSON): did the test run finish? Pass the file 'test -o FILE' wrote.\n", report.Error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string BaseLock(string lockFile, long upTo)
    {
        var full = LockFile.Read(lockFile)!;
        var path = Path.Combine(_folder, "base.lock.json");
        new LockFile { Migrations = full.Migrations.Where(entry => entry.Version <= upTo).ToList() }.Write(path);
        return path;
    }
}
