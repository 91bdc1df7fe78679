using System.Globalization;
using System.Text.RegularExpressions;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Tests.Infrastructure;

namespace Migrations.Runtime.Tests;

/// <summary>Parsing, help and offline verbs: no database needed.</summary>
public sealed class CommandLineTests
{
    private const string Basic = "Migrations.Runtime.Tests.Fixtures.Basic";

    [Theory]
    [InlineData("deploy")]
    [InlineData("status")]
    [InlineData("script")]
    [InlineData("rollback")]
    [InlineData("dev")]
    [InlineData("resolve")]
    [InlineData("baseline")]
    [InlineData("validate")]
    [InlineData("create")]
    [InlineData("test")]
    [InlineData("drift")]
    [InlineData("backup")]
    [InlineData("restore")]
    [InlineData("seed")]
    [InlineData("reset")]
    [InlineData("protect")]
    [InlineData("unprotect")]
    [InlineData("scaffold")]
    [InlineData("squash")]
    [InlineData("report")]
    public void EveryVerbsHelp_ExplainsItWithAnExample(string verb)
    {
        var result = BundleRun.Run(Basic, verb, "--help");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Example:", result.Output);
        Assert.Contains(verb, result.Output);
    }

    [Fact]
    public void UnknownVerb_IsAOneLineUsageError()
    {
        var result = BundleRun.Run(Basic, "frobnicate");
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("error: Unrecognized command or argument 'frobnicate'. Run 'Migrations.Runtime.Tests --help' for usage.", result.Error.Trim());
    }

    [Fact]
    public void UnknownOption_IsAUsageError()
    {
        var result = BundleRun.Run(Basic, "status", "--bogus");
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("'--bogus'", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public void BadDuration_IsAUsageError()
    {
        var result = BundleRun.Run(Basic, "deploy", "--lock-timeout", "soon");
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--lock-timeout takes a duration", result.Error);
    }

    [Theory]
    [InlineData("--lock-timeout", "0", "--lock-timeout must be more than 0")]
    [InlineData("--lock-timeout", "9999999h", "--lock-timeout takes a duration of at most 24h")]
    [InlineData("--lock-wait", "99999999999h", "--lock-wait takes a duration of at most 24h")]
    [InlineData("--retries", "0", "--retries must be at least 1")]
    [InlineData("--retries", "-1", "--retries must be at least 1")]
    [InlineData("--target", "abc", "--target takes a migration version (digits, e.g. 20241102000000), not 'abc'. Run 'Migrations.Runtime.Tests deploy --help' for usage.")]
    public void OutOfRangeOptionValues_AreUsageErrorsThatSayWhatIsAccepted(string option, string value, string message)
    {
        var result = BundleRun.Run(Basic, "deploy", "-c", "Host=127.0.0.1;Username=u;Password=p;Database=d", option, value);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("error: " + message, result.Error);
        Assert.DoesNotContain("System.", result.Error);
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("resolve")]
    [InlineData("baseline", "20241102000000")]
    [InlineData("drift")]
    [InlineData("seed")]
    [InlineData("reset", "--force")]
    public void LockWait_IsOneOptionWithOneErrorOnEveryVerbThatTakesIt(string verb, string? argument = null)
    {
        string[] arguments = [verb, .. argument is null ? [] : new[] { argument }, "-c", "Host=127.0.0.1;Username=u;Password=p;Database=d", "--lock-wait", "soon"];
        var result = BundleRun.Run(Basic, arguments);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal($"error: --lock-wait takes a duration of at most 24h, such as 5s, 500ms, 2m or 1h30m. Run 'Migrations.Runtime.Tests {verb} --help' for usage.", result.Error.Trim());
    }

    [Fact]
    public void EveryOutcome_EndsTheProcessWithItsOwnDocumentedExitCode()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "cli.md"));
        var table = docs[docs.IndexOf("## Exit codes", StringComparison.Ordinal)..];
        var documented = Regex.Matches(table, @"^\| (?<code>\d+) \|", RegexOptions.Multiline)
            .Select(match => int.Parse(match.Groups["code"].Value, CultureInfo.InvariantCulture))
            .ToList();
        var codes = Enum.GetValues<Outcome>().Select(ExitCodes.Of).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(documented.Order(), codes.Order());
    }

    [Theory]
    [InlineData("00:02:00", 120_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("500ms", 500)]
    [InlineData("7", 7_000)]
    public void Durations_AcceptTheFormsHelpShows(string text, double milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var value));
        Assert.Equal(milliseconds, value.TotalMilliseconds);
    }

    [Fact]
    public void UsageErrorWithJson_IsAlsoJsonOnStdout()
    {
        var result = BundleRun.Run(Basic, "status", "--json", "--no-such-option");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Equal(ExitCodes.UsageError, document.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Contains("--no-such-option", document.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void MissingConnection_SaysHowToGiveOne()
    {
        var previous = Environment.GetEnvironmentVariable("DATABASE_URL");
        Environment.SetEnvironmentVariable("DATABASE_URL", null);
        try
        {
            var result = BundleRun.Run(Basic, "status");
            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Contains("Pass --connection", result.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DATABASE_URL", previous);
        }
    }

    [Fact]
    public void Script_RendersOfflineWithTransactionBoundaries()
    {
        var result = BundleRun.Run(Basic, "script");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("-- 202401010000 CreateWidgets", result.Output);
        Assert.Contains("BEGIN;\nCREATE TABLE \"public\".\"widgets\"", result.Output.ReplaceLineEndings("\n"));
        Assert.Contains("-- Runs outside a transaction (TransactionBehavior.None)", result.Output);
        Assert.Contains("CREATE INDEX CONCURRENTLY \"ix_widgets_name\" ON \"public\".\"widgets\" (\"name\" ASC);", result.Output);
    }

    [Fact]
    public void ScriptRange_IsExclusiveOfFromAndInclusiveOfTo()
    {
        var result = BundleRun.Run(Basic, "script", "--from", "202401010000", "--to", "202401020000");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.DoesNotContain("CreateWidgets", result.Output);
        Assert.Contains("AddWidgetColour", result.Output);
        Assert.DoesNotContain("IndexWidgetNames", result.Output);
    }

    [Fact]
    public void ScriptOfUnknownVersion_IsAUsageError()
    {
        var result = BundleRun.Run(Basic, "script", "--to", "999");
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("999 is not a migration of this bundle", result.Error);
    }

    [Fact]
    public void DuplicateVersions_AreReportedWithBothClasses()
    {
        var result = BundleRun.Run("Migrations.Runtime.Tests.Fixtures.Duplicate", "validate");
        Assert.Equal(ExitCodes.ValidationFailed, result.ExitCode);
        Assert.Contains("PGM100", result.Error);
        Assert.Contains("Fixtures.Duplicate.First", result.Error);
        Assert.Contains("Fixtures.Duplicate.Second", result.Error);
    }

    [Fact]
    public void ScriptWithAReversedRange_IsAUsageError()
    {
        var result = BundleRun.Run(Basic, "script", "--from", "202401020000", "--to", "202401010000");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--to 202401010000 is not after --from 202401020000", result.Error);
    }

    [Fact]
    public void ScriptJsonToAFile_WritesTheFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"script-{Guid.NewGuid():N}.json");
        try
        {
            var result = BundleRun.Run(Basic, "script", "--json", "-o", file);

            Assert.Equal(ExitCodes.Success, result.ExitCode);
            using var written = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal(3, written.RootElement.GetArrayLength());
            using var summary = System.Text.Json.JsonDocument.Parse(result.Output);
            Assert.Equal(3, summary.RootElement.GetProperty("migrations").GetInt32());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Create_WritesATimestampedMigrationAndRefusesToOverwrite()
    {
        var directory = Directory.CreateTempSubdirectory("create-test-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "Acme.Db.csproj"), "<Project />");
            var first = BundleRun.Run(Basic, "create", "add_glossary", "--project-dir", directory);
            Assert.Equal(ExitCodes.Success, first.ExitCode);
            Assert.Matches($@"^Created Migrations/\d{{14}}_AddGlossary\.cs in Acme\.Db\.csproj \({System.Text.RegularExpressions.Regex.Escape(directory)}\)", first.Output);
            var file = Assert.Single(Directory.GetFiles(Path.Combine(directory, "Migrations")));
            Assert.Matches(@"\d{14}_AddGlossary\.cs$", file);
            var text = File.ReadAllText(file);
            Assert.Contains("namespace Acme.Db.Migrations;", text);
            Assert.Contains("public sealed class AddGlossary : Migration", text);
            Assert.Contains($"[Migration({Path.GetFileName(file)[..14]}, \"add_glossary\")]", text);

            var second = BundleRun.Run(Basic, "create", "add glossary", "--project-dir", directory);
            Assert.Equal(ExitCodes.Refused, second.ExitCode);
            Assert.Contains("already exists", second.Error);
            Assert.Single(Directory.GetFiles(Path.Combine(directory, "Migrations")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void CreateOutsideAnyProject_IsRefusedAndWritesNothing()
    {
        var directory = Directory.CreateTempSubdirectory("create-test-").FullName;
        try
        {
            var result = BundleRun.Run(Basic, "create", "add_glossary", "--project-dir", directory);

            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Equal($"error: No project file (*.csproj) in {directory}: run 'create' in the migrations project's folder, or pass --project-dir.", result.Error.Trim());
            Assert.False(Directory.Exists(Path.Combine(directory, "Migrations")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("42")]
    [InlineData("../../evil")]
    [InlineData("add \"quoted\" name\\")]
    public void Create_RejectsANameThatCannotBeAClass(string name)
    {
        var result = BundleRun.Run(Basic, "create", name, "--project-dir", Path.GetTempPath());
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("cannot name a migration class", result.Error);
    }

    [Fact]
    public void CreateTwiceInOneSecond_GivesTwoVersions()
    {
        var directory = Directory.CreateTempSubdirectory("create-test-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "Acme.Db.csproj"), "<Project />");
            Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "create", "first", "--project-dir", directory).ExitCode);
            Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "create", "second", "--project-dir", directory).ExitCode);
            Assert.Equal(ExitCodes.Success, BundleRun.Run(Basic, "create", "third", "--project-dir", directory).ExitCode);

            var versions = Directory.GetFiles(Path.Combine(directory, "Migrations")).Select(file => Path.GetFileName(file)[..14]).ToList();
            Assert.Equal(3, versions.Distinct().Count());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
