using System.Globalization;
using System.Text;
using Migrations.Runtime.BuildValidation;
using Migrations.Runtime.Script;
using Migrations.Safety.Rules;

namespace Migrations.Runtime.Report;

/// <summary>
/// The pull-request view as Markdown (a PR comment or a job summary): a table of the migrations new on the branch, then per
/// migration its findings with links, the predicted locks and rewrites next to what 'test' observed, and its SQL collapsed.
/// A PR comment holds at most 65,536 characters: long SQL is cut, and when the whole would not fit, SQL is left out from
/// the last migration backwards — the findings and locks always stay.
/// </summary>
internal static class MarkdownReport
{
    /// <summary>The first line: lets a workflow find and update its own comment (a "sticky" comment).</summary>
    public const string Marker = "<!-- migrations-sdk:report -->";

    public const int CommentLimit = 65_536;
    private const int SqlBlockLimit = 12_000;

    public static string Write(string bundle, IReadOnlyList<ReportedMigration> migrations, ReportSources sources)
    {
        var withSql = migrations.Count;
        while (true)
        {
            var text = Render(bundle, migrations, sources, withSql);
            if (text.Length < CommentLimit - 1_000 || withSql == 0)
            {
                return text;
            }

            withSql--;
        }
    }

    private static string Render(string bundle, IReadOnlyList<ReportedMigration> migrations, ReportSources sources, int withSql)
    {
        var builder = new StringBuilder();
        builder.AppendLine(Marker);
        builder.AppendLine(CultureInfo.InvariantCulture, $"## {bundle}: {migrations.Count} migration(s) {sources.Scope}");
        builder.AppendLine();
        if (sources.Tests is { } tests)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"`test` ran on {tests.Server} with {tests.RowsPerTable} row(s) per table: {(tests.Passed ? "every migration passed the round trip and matched the predictions" : "**some migrations failed** (below)")}.");
        }
        else
        {
            builder.AppendLine("`test` did not run in this job: the locks and rewrites below are predicted, not observed (run `test -o test-results.json` and pass `--test-results test-results.json`).");
        }

        builder.AppendLine();
        if (migrations.Count == 0)
        {
            builder.AppendLine("Nothing to review: this change adds no migration.");
            return builder.ToString();
        }

        builder.AppendLine("| Migration | Transaction | Findings | Predicted locks and rewrites | Observed by `test` |");
        builder.AppendLine("|---|---|---|---|---|");
        foreach (var migration in migrations)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"| `{migration.Rendered.Migration.Version}` {Cell(migration.Rendered.Migration.Name)}{(migration.ChangedSinceBase ? " (**changed**)" : string.Empty)} | {(migration.Rendered.Migration.IsTransactional ? "yes" : "**no**")} | {FindingCounts(migration)} | {Cell(PredictedSummary(migration))} | {Cell(ObservedSummary(migration, sources.Tests is not null))} |");
        }

        for (var index = 0; index < migrations.Count; index++)
        {
            Section(builder, migrations[index], sources, includeSql: index < withSql);
        }

        if (withSql < migrations.Count)
        {
            builder.AppendLine();
            builder.AppendLine(CultureInfo.InvariantCulture, $"The SQL of {migrations.Count - withSql} migration(s) is left out to fit a pull-request comment: `script --from …` prints it.");
        }

        return builder.ToString();
    }

    private static void Section(StringBuilder builder, ReportedMigration migration, ReportSources sources, bool includeSql)
    {
        var descriptor = migration.Rendered.Migration;
        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"### `{descriptor.Version}` {descriptor.Name}");
        builder.AppendLine();
        var where = migration.Location is { } location ? sources.Link(location) : "source not found (no PDB)";
        var mode = descriptor.IsTransactional ? "runs in one transaction" : "runs **without a transaction** (each statement commits on its own)";
        builder.AppendLine(CultureInfo.InvariantCulture, $"{where} · {mode}{(descriptor.Description is { Length: > 0 } description ? " · " + description : string.Empty)}");
        if (migration.ChangedSinceBase)
        {
            builder.AppendLine();
            builder.AppendLine("**Changed since the base branch:** its SQL differs from the base's lock file. If it was deployed anywhere, this is an edit of a shipped migration (PGM200): add a new migration instead.");
        }

        builder.AppendLine();
        if (migration.Findings.Count == 0)
        {
            builder.AppendLine("No findings.");
        }

        foreach (var finding in migration.Findings)
        {
            var rule = RuleCatalog.TryGet(finding.RuleId, out var known) ? $"[{finding.RuleId}]({known.HelpLink})" : finding.RuleId;
            var at = finding.Location is { } place ? " — " + sources.Link(place) : string.Empty;
            builder.AppendLine(finding.AcceptedBecause is { } reason
                ? $"- accepted {rule}: {Inline(finding.Message)}{at} — reason: {Inline(reason)}"
                : $"- **{finding.Level}** {rule}: {Inline(finding.Message)}{at}");
        }

        LockTable(builder, migration, sources.Tests is not null);
        if (migration.Observed is { } observed)
        {
            builder.AppendLine();
            builder.AppendLine(CultureInfo.InvariantCulture, $"Up() took {observed.UpMs} ms on seeded tables; round trip (Up, Down, Up): {observed.RoundTrip.ToLowerInvariant()}.");
            if (observed.Failure is { } failure)
            {
                builder.AppendLine();
                builder.AppendLine("**Failed in `test`:** " + Inline(failure));
            }

            foreach (var mismatch in observed.Mismatches)
            {
                builder.AppendLine("- **mismatch:** " + Inline(mismatch));
            }
        }

        if (includeSql)
        {
            Sql(builder, "Up SQL", SqlScriptWriter.Write([migration.Rendered]));
            Sql(builder, "Down SQL", migration.Rendered.DownProblem is { } problem ? $"-- {problem.Message}\n" : SqlScriptWriter.Write([migration.Rendered], down: true));
        }
    }

    private static void LockTable(StringBuilder builder, ReportedMigration migration, bool tested)
    {
        var observed = migration.Observed?.Locks ?? [];
        var tables = migration.Predictions.Select(prediction => prediction.Table).Concat(observed.Select(item => item.Table)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        builder.AppendLine();
        if (tables.Count == 0)
        {
            builder.AppendLine(tested ? "No lock on a table that existed before, as predicted." : "No rule predicts a blocking lock or a rewrite.");
            return;
        }

        builder.AppendLine(tested ? "| Table | Predicted | Observed |" : "| Table | Predicted |");
        builder.AppendLine(tested ? "|---|---|---|" : "|---|---|");
        foreach (var table in tables)
        {
            var predicted = string.Join("; ", migration.Predictions.Where(prediction => string.Equals(prediction.Table, table, StringComparison.OrdinalIgnoreCase)).Select(Describe));
            var seen = observed.FirstOrDefault(item => string.Equals(item.Table, table, StringComparison.OrdinalIgnoreCase));
            var row = $"| {Cell(table)} | {Cell(predicted.Length > 0 ? predicted : "nothing")} |";
            builder.AppendLine(tested ? row + $" {Cell(seen is null ? "no lock seen" : Describe(seen))} |" : row);
        }
    }

    private static void Sql(StringBuilder builder, string title, string sql)
    {
        var cut = sql.Length > SqlBlockLimit ? sql[..SqlBlockLimit] + $"\n-- … {sql.Length - SqlBlockLimit} more characters: `script` prints all of it.\n" : sql;
        var fence = cut.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"<details><summary>{title}</summary>");
        builder.AppendLine();
        builder.AppendLine(fence + "sql");
        builder.Append(cut.TrimEnd('\n')).AppendLine();
        builder.AppendLine(fence);
        builder.AppendLine();
        builder.AppendLine("</details>");
    }

    private static string FindingCounts(ReportedMigration migration)
    {
        var open = migration.Findings.Where(finding => finding.AcceptedBecause is null).GroupBy(finding => finding.Level).Select(group => $"{group.Count()} {group.Key}{(group.Count() > 1 ? "s" : string.Empty)}");
        var accepted = migration.Findings.Count(finding => finding.AcceptedBecause is not null);
        var parts = open.Concat(accepted > 0 ? [$"{accepted} accepted"] : []).ToList();
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    private static string PredictedSummary(ReportedMigration migration) =>
        migration.Predictions.Count == 0 ? "none" : string.Join("; ", migration.Predictions.Select(prediction => $"{Describe(prediction)} on {prediction.Table}"));

    private static string ObservedSummary(ReportedMigration migration, bool tested)
    {
        if (migration.Observed is not { } observed)
        {
            return tested ? "not tested (an earlier migration failed)" : "—";
        }

        var verdict = observed.Passed ? "passed" : observed.Failure is not null ? "**failed**" : "**mismatch**";
        var locks = observed.Locks.Where(item => item.Mode is not null).Select(item => $"{Describe(item)} on {item.Table}").ToList();
        return $"{verdict}, Up {observed.UpMs} ms{(locks.Count > 0 ? "; " + string.Join("; ", locks) : string.Empty)}";
    }

    private static string Describe(ObservedPrediction prediction) =>
        (prediction.MinimumLock is null ? string.Empty : "at least " + prediction.MinimumLock)
        + (prediction.Rewrite ? (prediction.MinimumLock is null ? "a rewrite" : " and a rewrite") : string.Empty)
        + $" ({prediction.RuleId})";

    private static string Describe(ObservedLock observed) =>
        $"{observed.Mode ?? "no lock seen"}{(observed.HeldMs > 0 ? $" held {observed.HeldMs} ms" : string.Empty)}{(observed.Rewritten ? ", rewritten" : string.Empty)}";

    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Inline(string text) => text.ReplaceLineEndings(" ").Replace("<", "&lt;", StringComparison.Ordinal);
}
