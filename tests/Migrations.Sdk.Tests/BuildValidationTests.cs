using System.Text.RegularExpressions;
using Migrations.Sdk.Tests.Infrastructure;

namespace Migrations.Sdk.Tests;

/// <summary>dotnet build validates what will really run: rendered SQL, the rules on it, and migrations.lock.json.</summary>
public sealed class BuildValidationTests
{
    private const string Project = "Billing.Migrations";
    private const string LockFile = Project + "/migrations.lock.json";

    private static string Invoices(string amountType = "AsDecimal(12, 2)") => $$"""
        using FluentMigrator;

        namespace Billing.Migrations;

        [Migration(20250301000000, "invoices")]
        public sealed class CreateInvoices : Migration
        {
            public override void Up() =>
                Create.Table("invoices")
                    .WithColumn("id").AsInt64().PrimaryKey().Identity()
                    .WithColumn("amount").{{amountType}}.NotNullable();

            public override void Down() => Delete.Table("invoices");
        }
        """;

    private static string Payments(long version) => $$"""
        using FluentMigrator;

        namespace Billing.Migrations;

        [Migration({{version}}, "payments")]
        public sealed class CreatePayments : Migration
        {
            public override void Up() => Create.Table("payments").WithColumn("id").AsInt64().PrimaryKey().Identity();

            public override void Down() => Delete.Table("payments");
        }
        """;

    private static string Table(long version, string className, string table) => $$"""
        using FluentMigrator;

        namespace Billing.Migrations;

        [Migration({{version}})]
        public sealed class {{className}} : Migration
        {
            public override void Up() => Create.Table("{{table}}").WithColumn("id").AsInt64().PrimaryKey().Identity();

            public override void Down() => Delete.Table("{{table}}");
        }
        """;

    private static string ShippedThrough(long version) => $"<PropertyGroup><MigrationsShippedThrough>{version}</MigrationsShippedThrough></PropertyGroup>";

    [Fact]
    public async Task LocalBuild_RecordsMigrationsInTheLockFileAndWritesTheSqlForReview()
    {
        using var project = TestProject.Create(Project, files: new Dictionary<string, string> { [$"{Project}/Migrations/Invoices.cs"] = Invoices() });

        await project.BuildAsync();

        var lockFile = project.Read(LockFile);
        Assert.Contains("\"version\": 20250301000000", lockFile);
        Assert.Contains("\"hashScheme\": \"sha256-normalized-v1\"", lockFile);
        Assert.Matches("\"checksum\": \"[0-9a-f]{64}\"", lockFile);
        var up = project.Read($"{Project}/obj/Release/net10.0/migrations/20250301000000_CreateInvoices.up.sql");
        Assert.Contains("BEGIN;\nCREATE TABLE \"public\".\"invoices\"", up.ReplaceLineEndings("\n"));
        Assert.Contains("DROP TABLE \"public\".\"invoices\"", project.Read($"{Project}/obj/Release/net10.0/migrations/20250301000000_CreateInvoices.down.sql"));
        Assert.Contains("-- 20250301000000 CreateInvoices", project.Read($"{Project}/bin/Release/net10.0/migrations.sql"));
    }

    // Without MigrationsShippedThrough nothing says what production runs: every recorded migration is guarded, so an
    // edit of a deployed migration cannot slip through a project that never set the property.
    [Theory]
    [InlineData(true, "and it has shipped (at or below MigrationsShippedThrough 20250301000000)")]
    [InlineData(false, "and it has shipped (MigrationsShippedThrough is not set, so every migration in the lock file counts as shipped; set it to the newest version production runs, and newer migrations follow the code)")]
    public async Task EditingAShippedMigration_FailsTheBuildWithPGM200AtTheMigrationClass(bool setShippedThrough, string because)
    {
        using var project = TestProject.Create(Project, setShippedThrough ? ShippedThrough(20250301000000) : "", new Dictionary<string, string> { [$"{Project}/Migrations/Invoices.cs"] = Invoices() });
        await project.BuildAsync();

        project.Write($"{Project}/Migrations/Invoices.cs", Invoices("AsDecimal(14, 2)"));
        var result = await project.TryBuildAsync();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"Migrations/Invoices\.cs\(6,21\): migrations error PGM200: Migration 20250301000000 'CreateInvoices' renders different SQL than when it was locked", result.Output);
        Assert.Contains("first difference at line 1: expected '…", result.Output);
        Assert.Contains("decimal(12,2)", result.Output);
        Assert.Contains("decimal(14,2)", result.Output);
        Assert.Contains(because, result.Output);
    }

    [Fact]
    public async Task UnshippedMigrations_EditedRenamedRenumberedOrDeleted_AreReRecordedLocally_AndALockedBuildCatchesAStaleLockFile()
    {
        // The day-one project, as the template makes it: nothing has shipped.
        using var project = TestProject.Create(Project, ShippedThrough(0), new Dictionary<string, string>
        {
            [$"{Project}/Migrations/Invoices.cs"] = Invoices(),
            [$"{Project}/Migrations/Payments.cs"] = Payments(20250302000000),
            [$"{Project}/Migrations/Refunds.cs"] = Table(20250303000000, "CreateRefunds", "refunds"),
            [$"{Project}/Migrations/Credits.cs"] = Table(20250304000000, "CreateCredits", "credits"),
        });
        await project.BuildAsync();

        project.Write($"{Project}/Migrations/Invoices.cs", Invoices("AsDecimal(14, 2)"));
        project.Write($"{Project}/Migrations/Payments.cs", Payments(20250302000000).Replace("CreatePayments", "CreateCharges"));
        project.Write($"{Project}/Migrations/Refunds.cs", Table(20250306000000, "CreateRefunds", "refunds"));
        File.Delete(Path.Combine(project.Directory, $"{Project}/Migrations/Credits.cs"));
        var local = await project.BuildAsync();

        Assert.DoesNotMatch("PGM20[0-3]", local.Output);
        Assert.Contains("migrations.lock.json: re-recorded 20250301000000 'CreateInvoices' (first difference at line 1: was '…", local.Output);
        Assert.Contains("re-recorded 20250302000000 'CreateCharges' (renamed from 'CreatePayments')", local.Output);
        Assert.Contains("re-recorded 20250303000000 'CreateRefunds' as 20250306000000 (renumbered)", local.Output);
        Assert.Contains("removed 20250304000000 'CreateCredits' (no longer in the project)", local.Output);
        Assert.Contains("Not shipped (above MigrationsShippedThrough 0), so the lock file follows the code; commit it with the change.", local.Output);
        var lockFile = project.Read(LockFile);
        Assert.Equal(["20250301000000", "20250302000000", "20250306000000"], Regex.Matches(lockFile, "\"version\": (\\d+)").Select(match => match.Groups[1].Value));
        Assert.Contains("decimal(14,2)", lockFile);
        Assert.Contains("\"name\": \"CreateCharges\"", lockFile);

        // CI checks what the developer committed: an edit built without its lock file is a stale lock file, not a shipped edit.
        project.Write($"{Project}/Migrations/Invoices.cs", Invoices("AsDecimal(16, 2)"));
        var locked = await project.TryBuildAsync("-p:ContinuousIntegrationBuild=true");

        Assert.NotEqual(0, locked.ExitCode);
        Assert.Matches(@"Migrations/Invoices\.cs\(6,21\): migrations error PGM201: migrations.lock.json records other SQL for migration 20250301000000 'CreateInvoices', which has not shipped \(first difference at line 1: was '[^']*decimal\(14,2\)[^']*', now '[^']*decimal\(16,2\)[^']*'\), and this is a locked build", locked.Output);
        Assert.Equal(lockFile, project.Read(LockFile));
    }

    [Fact]
    public async Task LockedBuild_FailsWithPGM201ForAMigrationMissingFromTheLockFileAndWritesNothing()
    {
        using var project = TestProject.Create(Project, files: new Dictionary<string, string> { [$"{Project}/Migrations/Invoices.cs"] = Invoices() });
        await project.BuildAsync();
        project.Write($"{Project}/Migrations/Payments.cs", Payments(20250302000000));
        var before = project.Read(LockFile);

        var result = await project.TryBuildAsync("-p:ContinuousIntegrationBuild=true");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error PGM201: migrations.lock.json does not list migration 20250302000000 'CreatePayments' and this is a locked build", result.Output);
        Assert.Equal(before, project.Read(LockFile));
    }

    // A CI build in a git checkout maps source paths to "/_/…" in the PDB (DeterministicSourcePaths); PathMap does the
    // same without git. Findings must still point at the file on disk, or CI logs, annotations and SARIF lose them.
    [Fact]
    public async Task BuildWithDeterministicSourcePaths_PointsFindingsAtTheFileOnDisk()
    {
        using var project = TestProject.Create(Project, files: new Dictionary<string, string> { [$"{Project}/Migrations/Invoices.cs"] = Invoices() });
        var pathMap = $"-p:PathMap={project.Directory.TrimEnd('/')}/=/_/";
        await project.BuildAsync(pathMap);
        project.Write($"{Project}/Migrations/Payments.cs", Payments(20250302000000));

        var result = await project.TryBuildAsync(pathMap, "-p:ContinuousIntegrationBuild=true");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(Regex.Escape(Path.Combine(project.Directory, Project, "Migrations", "Payments.cs")) + @"\(\d+,\d+\): migrations error PGM201: migrations.lock.json does not list migration 20250302000000", result.Output);
    }

    [Fact]
    public async Task DeletingAShippedMigration_FailsWithPGM202AndAnOlderNewMigrationWarnsWithPGM203()
    {
        using var project = TestProject.Create(Project, ShippedThrough(20250305000000), new Dictionary<string, string>
        {
            [$"{Project}/Migrations/Invoices.cs"] = Invoices(),
            [$"{Project}/Migrations/Payments.cs"] = Payments(20250305000000),
        });
        await project.BuildAsync();

        File.Delete(Path.Combine(project.Directory, $"{Project}/Migrations/Payments.cs"));
        var deleted = await project.TryBuildAsync();
        Assert.NotEqual(0, deleted.ExitCode);
        Assert.Contains("error PGM202: Migration 20250305000000 'CreatePayments' is recorded in migrations.lock.json but no longer exists", deleted.Output);

        project.Write($"{Project}/Migrations/Payments.cs", Payments(20250305000000));
        project.Write($"{Project}/Migrations/Refunds.cs", Payments(20250302000000).Replace("CreatePayments", "CreateRefunds").Replace("\"payments\"", "\"refunds\""));
        var older = await project.BuildAsync();
        Assert.Contains("warning PGM203: New migration 20250302000000 'CreateRefunds' has a lower version than the newest locked migration 20250305000000", older.Output);
        Assert.Contains("\"version\": 20250302000000", project.Read(LockFile));
    }

    [Fact]
    public async Task UnsafeSqlBuiltAtRunTime_IsFoundInTheRenderedSqlAndHonoursAllowUnsafe()
    {
        const string Indexes = """
            using FluentMigrator;

            namespace Billing.Migrations;

            [Migration(20250310000000, "indexes built in a loop")]
            public sealed class IndexEverything : Migration
            {
                public override void Up()
                {
                    // The analyzers cannot see through a computed string; the build renders it and can.
                    foreach (var column in new[] { "amount" })
                    {
                        Execute.Sql($"CREATE INDEX ix_invoices_{column} ON invoices ({column})");
                    }
                }

                public override void Down() => Execute.Sql("DROP INDEX IF EXISTS ix_invoices_amount");
            }
            """;
        using var project = TestProject.Create(Project, files: new Dictionary<string, string>
        {
            [$"{Project}/Migrations/Invoices.cs"] = Invoices(),
            [$"{Project}/Migrations/Indexes.cs"] = Indexes,
        });

        var unsafeBuild = await project.TryBuildAsync();

        Assert.NotEqual(0, unsafeBuild.ExitCode);
        var finding = Assert.Single(Regex.Matches(unsafeBuild.Output, @"Migrations/Indexes\.cs\(6,21\): migrations error PGM001: 20250310000000 IndexEverything \(rendered SQL\): Creating index 'ix_invoices_amount' on existing table 'invoices'[^\[]*").Select(match => match.Value).Distinct());
        Assert.Contains("AsConcurrently()", finding);
        // A build with errors records nothing: locking the failing migration would make its fix look like an edit (PGM200).
        Assert.False(project.Exists(LockFile) && project.Read(LockFile).Contains("20250310000000"), "the failing migration was locked");

        // Adopting the SDK on an old project: migrations at or below MigrationsSafetyStartAfter are not checked.
        var baselined = await project.TryBuildAsync("-p:MigrationsSafetyStartAfter=20250310000000");
        Assert.True(baselined.ExitCode == 0, baselined.Output);

        project.Write($"{Project}/Migrations/Indexes.cs", Indexes
            .Replace("using FluentMigrator;", "using FluentMigrator;\nusing Migrations;")
            .Replace("public sealed class IndexEverything", "[AllowUnsafe(\"PGM001\", Reason = \"invoices is empty until the billing launch\")]\npublic sealed class IndexEverything"));
        await project.BuildAsync();
    }

    [Fact]
    public async Task AnUnreadableLockFile_FailsTheBuildAndNamesTheFile()
    {
        using var project = TestProject.Create(Project, files: new Dictionary<string, string>
        {
            [$"{Project}/Migrations/Invoices.cs"] = Invoices(),
            [LockFile] = "<<<<<<< HEAD\n",
        });

        var build = await project.TryBuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"migrations\.lock\.json : (migrations )?error PGM199: .*migrations\.lock\.json is not a valid lock file", build.Output);
        Assert.Equal("<<<<<<< HEAD\n", project.Read(LockFile));
    }

    [Fact]
    public async Task AFindingTheAnalyzersReport_IsNotReportedAgainByTheBuild()
    {
        const string DropIndex = """
            using FluentMigrator;

            namespace Billing.Migrations;

            [Migration(20250320000000, "drop an index")]
            public sealed class DropInvoiceIndex : Migration
            {
                public override void Up()
                {
                    Delete.Index("ix_invoices_amount").OnTable("invoices");
                }

                public override void Down() => Create.Index("ix_invoices_amount").OnTable("invoices").OnColumn("amount");
            }
            """;
        using var project = TestProject.Create(Project, files: new Dictionary<string, string>
        {
            [$"{Project}/Migrations/Invoices.cs"] = Invoices(),
            [$"{Project}/Migrations/DropIndex.cs"] = DropIndex,
        });

        var result = await project.BuildAsync();

        var warnings = Regex.Matches(result.Output, @"\S+\(\d+,\d+\): (?:migrations )?warning PGM003: [^\[]*").Select(match => match.Value.Trim()).Distinct().ToList();
        var warning = Assert.Single(warnings);
        Assert.True(warning.Contains("DropIndex.cs(10,9)", StringComparison.Ordinal), warning);
        Assert.DoesNotContain("(rendered SQL)", warning);
    }

    [Fact]
    public async Task MigrationsSarifFile_HoldsTheAnalyzersAndTheBuildValidationsFindingsInOneFile()
    {
        using var project = TestProject.Create(Project, files: new Dictionary<string, string>
        {
            [$"{Project}/Migrations/Invoices.cs"] = Invoices(),
            [$"{Project}/Migrations/DropIndex.cs"] = """
                using FluentMigrator;

                namespace Billing.Migrations;

                [Migration(20250320000000, "drop an index")]
                public sealed class DropInvoiceIndex : Migration
                {
                    public override void Up() => Delete.Index("ix_invoices_amount").OnTable("invoices");

                    public override void Down() => Create.Index("ix_invoices_amount").OnTable("invoices").OnColumn("amount");
                }
                """,
        });

        // A locked build without a lock file: PGM201 (the lock file) for both migrations, PGM003 from the analyzers.
        var build = await project.TryBuildAsync("-p:ContinuousIntegrationBuild=true", "-p:MigrationsSarifFile=artifacts/migrations.sarif");

        Assert.NotEqual(0, build.ExitCode);
        using var sarif = System.Text.Json.JsonDocument.Parse(project.Read($"{Project}/artifacts/migrations.sarif"));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var results = sarif.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.GetProperty("results").EnumerateArray().Select(result => (
                Tool: run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString(),
                Rule: result.GetProperty("ruleId").GetString(),
                File: Path.GetFileName(result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()),
                Line: result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32())))
            .Where(result => result.Rule!.StartsWith("PGM", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(results, result => result.Tool != "Migrations.Sdk build validation" && result is { Rule: "PGM003", File: "DropIndex.cs", Line: 8 });
        Assert.Contains(results, result => result is { Tool: "Migrations.Sdk build validation", Rule: "PGM201", File: "DropIndex.cs", Line: 6 });
        Assert.Contains(results, result => result is { Tool: "Migrations.Sdk build validation", Rule: "PGM201", File: "Invoices.cs", Line: 6 });
    }

    [Fact]
    public async Task TransactionPerSessionWithANonTransactionalMigration_IsPGM110()
    {
        using var project = TestProject.Create(Project, "<PropertyGroup><MigrationsTransactionPerSession>true</MigrationsTransactionPerSession></PropertyGroup>", new Dictionary<string, string>
        {
            [$"{Project}/Migrations/Invoices.cs"] = Invoices().Replace("[Migration(20250301000000, \"invoices\")]", "[Migration(20250301000000, TransactionBehavior.None, \"invoices\")]"),
        });

        var result = await project.TryBuildAsync();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error PGM110: Migration '20250301000000 CreateInvoices' declares TransactionBehavior.None but the runner is configured with TransactionPerSession", result.Output);
    }

    [Fact]
    public async Task NoOpRebuild_DoesNotRunTheValidationAgain()
    {
        using var project = TestProject.Create(Project, files: new Dictionary<string, string> { [$"{Project}/Migrations/Invoices.cs"] = Invoices() });
        await project.BuildAsync();
        var script = Path.Combine(project.Directory, $"{Project}/bin/Release/net10.0/migrations.sql");
        var written = File.GetLastWriteTimeUtc(script);

        var second = await project.BuildAsync("-v:detailed");

        Assert.Contains("Skipping target \"MigrationsValidate\" because all output files are up-to-date", second.Output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(script));
    }
    [Fact]
    public async Task WideningAColumnTheHistoryKnows_BuildsClean_LikeTheAnalyzersSay()
    {
        const string Widen = """
            using FluentMigrator;

            namespace Billing.Migrations;

            [Migration(20250302000000, "longer invoice numbers")]
            public sealed class WidenInvoiceNumber : Migration
            {
                public override void Up() => Alter.Column("number").OnTable("invoices").AsString(500).Nullable();

                public override void Down() => Alter.Column("number").OnTable("invoices").AsString(100).Nullable();
            }
            """;
        using var project = TestProject.Create(Project, files: new Dictionary<string, string>
        {
            [$"{Project}/Migrations/Invoices.cs"] = Invoices().Replace(".NotNullable();", ".NotNullable()\n                    .WithColumn(\"number\").AsString(100).Nullable();"),
            [$"{Project}/Migrations/Widen.cs"] = Widen,
        });

        var result = await project.BuildAsync();

        Assert.DoesNotContain("PGM009", result.Output);
    }

    [Fact]
    public async Task EditorConfigSeverities_MeanTheSameForTheBuildsOwnFindings()
    {
        // The index name is only known at run time: only the build's check of the rendered SQL can see the drop.
        const string RuntimeDrop = """
            using FluentMigrator;

            namespace Billing.Migrations;

            [Migration(20250302000000, "drop an index named by configuration")]
            public sealed class DropConfiguredIndex : Migration
            {
                public override void Up() => Execute.Sql("DROP INDEX " + IndexName());

                private static string IndexName() => System.Environment.GetEnvironmentVariable("BILLING_AMOUNT_INDEX") ?? "ix_invoices_amount";

                public override void Down() { }
            }

            [Migration(20250303000000, "shorter amounts")]
            public sealed class ShortenAmount : Migration
            {
                public override void Up() => Alter.Column("amount").OnTable("invoices").AsDecimal(10, 2).NotNullable();

                public override void Down() { }
            }
            """;
        using var project = TestProject.Create(Project, files: new Dictionary<string, string>
        {
            [$"{Project}/Migrations/Invoices.cs"] = Invoices(),
            [$"{Project}/Migrations/RuntimeDrop.cs"] = RuntimeDrop,
            [".editorconfig"] = "root = true\n[*.cs]\ndotnet_diagnostic.PGM009.severity = none\ndotnet_diagnostic.PGM003.severity = error\ndotnet_diagnostic.PGM102.severity = none\n",
        });

        var strict = await project.TryBuildAsync();

        Assert.NotEqual(0, strict.ExitCode);
        Assert.Matches(@"RuntimeDrop\.cs\(\d+,\d+\): migrations error PGM003: ", strict.Output);
        Assert.DoesNotContain("PGM009", strict.Output);
        Assert.DoesNotContain("PGM102", strict.Output);

        // An edit of the .editorconfig alone runs the validation again.
        project.Write(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.PGM009.severity = none\ndotnet_diagnostic.PGM003.severity = suggestion\ndotnet_diagnostic.PGM102.severity = none\n");
        var relaxed = await project.BuildAsync();

        Assert.DoesNotContain("warning PGM003", relaxed.Output);
        Assert.DoesNotContain("error PGM003", relaxed.Output);
        Assert.Contains("\"name\": \"DropConfiguredIndex\"", project.Read(LockFile));
    }

    [Fact]
    public async Task ChangingAValidationOption_RunsTheValidationAgain()
    {
        using var project = TestProject.Create(Project, files: new Dictionary<string, string> { [$"{Project}/Migrations/Invoices.cs"] = Invoices() });
        await project.BuildAsync();

        await project.BuildAsync("-p:MigrationsSqlDirectory=review/");

        Assert.True(project.Exists($"{Project}/review/20250301000000_CreateInvoices.up.sql"));
    }
}
