using System;
using System.IO;
using System.Linq;
using Migrations.Analyzers.Tests.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Tests.Guards;

public sealed class CatalogGuardTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    private static string[] DescriptorIds() =>
        AllAnalyzers.Create().SelectMany(analyzer => analyzer.SupportedDiagnostics).Select(descriptor => descriptor.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();

    [Fact]
    public void AnalyzersCoverEveryRuleOfTheirGroups()
    {
        var expected = RuleCatalog.All
            .Where(rule => rule.Layers.HasFlag(RuleLayers.Analyzers))
            .Select(rule => rule.Id)
            .OrderBy(id => id, StringComparer.Ordinal);

        Assert.Equal(expected, DescriptorIds());
    }

    [Fact]
    public void EveryDescriptorComesFromTheCatalogWithAHelpLinkToItsPage()
    {
        foreach (var descriptor in AllAnalyzers.Create().SelectMany(analyzer => analyzer.SupportedDiagnostics))
        {
            var rule = RuleCatalog.Get(descriptor.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString());
            Assert.EndsWith("docs/rules/" + descriptor.Id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryDescriptorHasADocPageWithItsTitle()
    {
        var problems = DescriptorIds()
            .Select(id => (Id: id, Path: Path.Combine(RepositoryRoot, "docs", "rules", id + ".md")))
            .Select(page => !File.Exists(page.Path) ? page.Id + ": docs/rules/" + page.Id + ".md is missing"
                : File.ReadLines(page.Path).FirstOrDefault() != "# " + page.Id + ": " + RuleCatalog.Get(page.Id).Title ? page.Id + ": first line is '" + File.ReadLines(page.Path).FirstOrDefault() + "'"
                : null)
            .Where(problem => problem != null)
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void AnalyzerReleasesListEveryRule()
    {
        var directory = Path.Combine(RepositoryRoot, "analyzers", "Migrations.Analyzers");
        var tracked = File.ReadLines(Path.Combine(directory, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadLines(Path.Combine(directory, "AnalyzerReleases.Unshipped.md")))
            .Where(line => line.StartsWith("PGM", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(part => part.Trim()).ToArray())
            .ToDictionary(parts => parts[0], parts => parts);

        Assert.Equal(DescriptorIds(), tracked.Keys.OrderBy(id => id, StringComparer.Ordinal));
        foreach (var (id, parts) in tracked)
        {
            var rule = RuleCatalog.Get(id);
            Assert.Equal(rule.Category, parts[1]);
            Assert.Equal(rule.EnabledByDefault ? rule.DefaultSeverity.ToString() : "Disabled", parts[2]);
        }
    }

    [Fact]
    public void TheRulesReadmeHasARowForEveryRule_WithTheCatalogsFacts()
    {
        var rows = File.ReadLines(Path.Combine(RepositoryRoot, "docs", "rules", "README.md"))
            .Where(line => line.StartsWith("| [", StringComparison.Ordinal))
            .Select(line => line.Trim('|').Split(" | ").Select(cell => cell.Trim()).ToArray())
            .ToList();

        static string IdOf(string[] row) => row[0][1..row[0].IndexOf(']')];
        Assert.Equal(RuleCatalog.All.Select(rule => rule.Id).OrderBy(id => id, StringComparer.Ordinal), rows.Select(IdOf).OrderBy(id => id, StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var rule = RuleCatalog.Get(IdOf(row));
            var expected = new[]
            {
                $"[{rule.Id}]({rule.Id}.md)",
                rule.Title,
                rule.DefaultSeverity + (rule.EnabledByDefault ? string.Empty : " (off by default)"),
                rule.Layers switch { RuleLayers.Both => "IDE and build", RuleLayers.Analyzers => "IDE", _ => "build" },
                row[4],
                rule.Fixable ? "yes" : string.Empty,
            };
            Assert.Equal(string.Join(" | ", expected), string.Join(" | ", row));
            Assert.False(string.IsNullOrWhiteSpace(row[4]), rule.Id + " does not say what it needs to see");
        }
    }

    [Fact]
    public void TheSdksOwnDiagnostics_SayWhatTheCatalogSays()
    {
        var targets = File.ReadAllText(Path.Combine(RepositoryRoot, "sdk", "Migrations.Sdk", "Sdk", "Sdk.targets"));
        var missingRuntime = RuleCatalog.Get(RuleIds.RuntimeReferenceMissing);

        Assert.Contains($"Code=\"{missingRuntime.Id}\" HelpLink=\"{missingRuntime.HelpLink}\"", targets);
        Assert.Contains($"Text=\"{missingRuntime.MessageFormat}\"", targets);
        foreach (var id in new[] { RuleIds.ValidationCouldNotRun, RuleIds.RuntimeReferenceMissing, RuleIds.SuggestionSummary })
        {
            Assert.True(File.Exists(Path.Combine(RepositoryRoot, "docs", "rules", id + ".md")), id + " has no page");
            Assert.Equal("# " + id + ": " + RuleCatalog.Get(id).Title, File.ReadLines(Path.Combine(RepositoryRoot, "docs", "rules", id + ".md")).First());
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Migrations.Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Migrations.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
