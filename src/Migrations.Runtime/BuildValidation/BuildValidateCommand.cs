using System.Globalization;
using FluentMigrator;
using Migrations.Runtime.BuildValidation.Severities;
using Migrations.Runtime.Discovery;
using Migrations.Runtime.Engine;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Rendering;
using Migrations.Runtime.Script;
using Migrations.Safety.Judging;
using Migrations.Safety.Rules;

namespace Migrations.Runtime.BuildValidation;

/// <summary>
/// build-validate: the hidden verb the MigrationsValidate MSBuild target runs on the freshly built bundle. Checks the
/// migrations as they will run, writes the rendered SQL for review, and checks migrations.lock.json. Findings go to
/// stdout in a line protocol the task turns into MSBuild errors and warnings with file, line and column.
/// </summary>
public static class BuildValidateCommand
{
    public static Outcome Run(BundleContext context, BuildValidateOptions options)
    {
        // The migrations the bundle runs with its tags (MigrationsTags): one tagged for another database is neither run nor judged.
        var tags = context.Tags;
        var (migrations, _) = MigrationSet.Discover(context.Assembly, type => RunnerTags.Runs(type, tags));
        var locator = SourceLocator.Load(context.Assembly);
        var analyzers = AnalyzerReport.Read(options.AnalyzerLogPath);
        var diagnostics = new List<BuildDiagnostic>();

        // Where the analyzers reported the duplicate at the class, the build stays silent, as for every other rule.
        diagnostics.AddRange(StructureChecks.Duplicates(migrations, locator.Find)
            .Where(duplicate => !(locator.FindSpan(duplicate.Migration.Type) is { } span && analyzers.Covers(RuleIds.DuplicateVersion, span.Declaration.File, span.FirstLine, span.LastLine)))
            .Select(duplicate => duplicate.Finding));

        var unique = migrations.DistinctBy(migration => migration.Version).ToList();
        using var host = MigrationHost.Create(context.Assembly);
        var rendered = new MigrationRenderer(host).RenderAll(unique);
        // MigrationsSafetyStartAfter: migrations at or below it shipped before the project adopted the SDK; the analyzers
        // skip them, and so do the safety rules here (their SQL still builds the history). Structure checks still apply.
        // Every rule is decided; whether and how it is reported is the project's configuration, as for the analyzers.
        var settings = new JudgeSettings { PostgresVersion = options.PostgresVersion, ShippedThrough = options.ShippedThrough, SafetyStartAfter = options.SafetyStartAfter, IsEnabled = _ => true };
        var judged = MigrationFindings.Judge(rendered, locator, settings);
        foreach (var migration in rendered)
        {
            // Findings the analyzers can also make surface once: where the analyzers reported (or suppressed) the same
            // rule inside the class, the build stays silent; [AllowUnsafe] with a reason is honoured by both layers.
            var span = locator.FindSpan(migration.Migration.Type);
            var findings = judged.Of(migration, span);
            diagnostics.AddRange(findings.Where(finding =>
                !AllowUnsafeAttributes.IsAllowed(migration.Migration.Type, finding.RuleId)
                && !(span is { } known && analyzers.Covers(finding.RuleId, known.Declaration.File, known.FirstLine, known.LastLine))));
        }

        if (options.TransactionPerSession)
        {
            diagnostics.AddRange(unique.Where(migration => !migration.IsTransactional)
                .Select(migration => BuildDiagnostic.Of(RuleIds.TransactionPerSessionWithNone, locator.Find(migration.Type), migration.DisplayName)));
        }

        LockFile? existing;
        try
        {
            existing = LockFile.Read(options.LockFilePath);
        }
        catch (InvalidDataException exception)
        {
            throw new BundleFailure(Outcome.ValidationFailed, exception.Message);
        }

        var lockCheck = LockFileCheck.Check(existing, rendered, options.Locked, settings, locator.Find);
        diagnostics.AddRange(lockCheck.Diagnostics);
        var severities = ConfiguredSeverities.Load(options.AnalyzerConfigFiles ?? [], options.Warnings);
        var reported = diagnostics
            .Select(diagnostic => severities.At(RuleCatalog.Get(diagnostic.RuleId), diagnostic.Location?.File) is { } severity ? diagnostic with { Severity = severity } : null)
            .OfType<BuildDiagnostic>().ToList();

        // Only a build without errors records new migrations: a migration locked while it failed validation (or threw
        // while rendering) would make its fix look like an edit of a shipped migration (PGM200).
        if (!options.Locked && !reported.Any(diagnostic => diagnostic.Severity == RuleSeverity.Error))
        {
            lockCheck.Updated.Write(options.LockFilePath);
            foreach (var note in lockCheck.Notes)
            {
                context.Output.WriteLine(Migrations.Safety.BuildProtocol.NotePrefix + "\t" + note);
            }
        }

        WriteRenderedSql(rendered, options);
        ChecksumManifest.Write(context.Assembly, rendered);
        if (options.SarifPath is { } sarif)
        {
            SarifLog.Write(sarif, reported, options.AnalyzerLogPath, options.LockFilePath);
        }

        foreach (var diagnostic in reported)
        {
            context.Output.WriteLine(diagnostic.ToProtocolLine());
        }

        return reported.Any(diagnostic => diagnostic.Severity == RuleSeverity.Error) ? Outcome.ValidationFailed : Outcome.Success;
    }

    private static void WriteRenderedSql(IReadOnlyList<RenderedMigration> rendered, BuildValidateOptions options)
    {
        if (options.SqlDirectory is { } directory)
        {
            Directory.CreateDirectory(directory);
            var expected = new HashSet<string>(StringComparer.Ordinal);
            foreach (var migration in rendered)
            {
                var stem = Path.Combine(directory, $"{migration.Migration.Version}_{migration.Migration.Name}");
                WriteIfChanged(stem + ".up.sql", SqlScriptWriter.Write([migration]));
                WriteIfChanged(stem + ".down.sql", SqlScriptWriter.Write([migration], down: true));
                expected.Add(stem + ".up.sql");
                expected.Add(stem + ".down.sql");
            }

            // A renamed or deleted migration must not leave its old SQL behind for a reviewer to read.
            foreach (var stale in Directory.GetFiles(directory, "*.sql").Where(file => !expected.Contains(file)))
            {
                File.Delete(stale);
            }
        }

        if (options.ScriptPath is { } script)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(script))!);
            WriteIfChanged(script, $"-- Up SQL of all {rendered.Count} migration(s), in order, as deploy runs them into an empty database.\n\n" + SqlScriptWriter.Write(rendered));
        }
    }

    private static void WriteIfChanged(string path, string content)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != content)
        {
            File.WriteAllText(path, content);
        }
    }
}
