using Migrations.Runtime.BuildValidation;
using Migrations.Runtime.Engine;
using Migrations.Runtime.Outcomes;
using Migrations.Runtime.Output;
using Migrations.Runtime.Rendering;
using Migrations.Safety.Judging;

namespace Migrations.Runtime.Report;

/// <summary>
/// report: the pull-request view of the migrations new on a branch (absent from the base branch's lock file, or changed
/// since), offline: rendered SQL, findings with links, predicted locks and rewrites, and — given test's results from the
/// same job — what PostgreSQL really did next to each prediction. Markdown for a PR comment or a job summary; --json for tools.
/// </summary>
public static class ReportCommand
{
    public static Outcome Run(BundleContext context, ReportOptions options)
    {
        var (baseLock, scope) = ReadBase(options.BaseLock);
        var tests = options.TestResults is null ? null : TestResults.Read(options.TestResults);
        var analyzers = AnalyzerReport.Read(options.AnalyzerLog);
        var locator = SourceLocator.Load(context.Assembly);
        using var host = MigrationHost.Create(context.Assembly);
        var renderer = new MigrationRenderer(host);
        var locked = baseLock?.Migrations.ToDictionary(entry => entry.Version) ?? [];
        var all = renderer.RenderAll(context.Migrations.Migrations);
        // The rules judge every migration in order, over one schema history, as the build does.
        var judged = MigrationFindings.Judge(all, locator, new JudgeSettings { IsEnabled = _ => true });
        var migrations = new List<ReportedMigration>();
        foreach (var rendered in all)
        {
            var changed = locked.TryGetValue(rendered.Migration.Version, out var entry) && entry.Checksum != rendered.Checksum;
            if (baseLock is null || changed || entry is null)
            {
                migrations.Add(ReportedMigration.Of(rendered, changed, locator, judged, analyzers, tests?.Find(rendered.Migration.Version)));
            }
        }

        if (context.Json)
        {
            Write(context, options.Output, writer => JsonOutput.Write(writer, Document(scope, tests, migrations)));
        }
        else
        {
            var markdown = MarkdownReport.Write(context.Assembly.GetName().Name ?? "bundle", migrations, new ReportSources(scope, tests, options.SourceUrl));
            Write(context, options.Output, writer => writer.Write(markdown));
        }

        if (options.Output is not null)
        {
            context.Progress.Info($"Wrote the report of {migrations.Count} migration(s) to {options.Output}.");
        }

        return Outcome.Success;
    }

    /// <summary>A base branch without a lock file (the first migrations of a project) has shipped nothing: all are new.</summary>
    private static (LockFile? Lock, string Scope) ReadBase(string? path)
    {
        if (path is null)
        {
            return (null, "in this bundle (no --base-lock: every migration is listed)");
        }

        try
        {
            return LockFile.Read(path) is { } lockFile
                ? (lockFile, "new or changed in this change")
                : (new LockFile(), "new in this change (the base branch has no lock file)");
        }
        catch (InvalidDataException exception)
        {
            throw BundleFailure.Usage($"--base-lock: {exception.Message}");
        }
    }

    private static void Write(BundleContext context, string? path, Action<TextWriter> write)
    {
        if (path is null)
        {
            write(context.Output);
            return;
        }

        using var file = new StreamWriter(path);
        write(file);
    }

    private static object Document(string scope, TestResults? tests, IReadOnlyList<ReportedMigration> migrations) => new
    {
        scope,
        tested = tests is not null,
        testsPassed = tests?.Passed,
        migrations = migrations.Select(migration => new
        {
            version = migration.Rendered.Migration.Version,
            name = migration.Rendered.Migration.Name,
            changedSinceBase = migration.ChangedSinceBase,
            transactional = migration.Rendered.Migration.IsTransactional,
            file = migration.Location?.File,
            line = migration.Location?.Line,
            findings = migration.Findings.Select(finding => new { ruleId = finding.RuleId, level = finding.Level, message = finding.Message, file = finding.Location?.File, line = finding.Location?.Line, acceptedBecause = finding.AcceptedBecause }),
            predictions = migration.Predictions,
            observed = migration.Observed,
            up = migration.Rendered.Up,
            down = migration.Rendered.Down,
        }),
    };
}
