using YamlDotNet.RepresentationModel;

namespace Migrations.Runtime.Tests.Samples;

/// <summary>
/// samples/ci: the workflows people copy. Parsed as YAML; every bundle command they run is checked by the bundle's own
/// command-line parser, so a renamed verb or option fails here instead of in someone's pipeline.
/// </summary>
public sealed class SampleWorkflowTests
{
    private static readonly string GitHub = Path.Combine(RepositoryRoot.Path, "samples", "ci", "github");
    private static readonly string GitLab = Path.Combine(RepositoryRoot.Path, "samples", "ci", "gitlab", ".gitlab-ci.yml");

    public static TheoryData<string> Workflows() => new(Directory.GetFiles(GitHub, "*.yml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Workflows))]
    public void EveryGitHubWorkflow_IsAWorkflowWhoseBundleCommandsTheBundleAccepts(string file)
    {
        var workflow = Yaml.Documents(Path.Combine(GitHub, file)).Single();

        Assert.NotNull(workflow.Text("name"));
        Assert.NotNull(workflow.At("on"));
        var jobs = workflow.Entries("jobs").ToList();
        Assert.NotEmpty(jobs);
        foreach (var (name, job) in jobs)
        {
            Assert.True(job.Text("runs-on") is not null, $"{file}: job {name} has no runs-on");
            foreach (var step in job.Items("steps"))
            {
                Assert.True(step.Text("uses") is not null ^ step.Text("run") is not null, $"{file}: a step of {name} needs exactly one of uses and run");
            }
        }

        var commands = Commands(jobs.SelectMany(job => job.Value.Items("steps")).Select(step => step.Text("run")));
        Assert.NotEmpty(commands);
        AssertAccepted(file, commands);
    }

    [Fact]
    public void ThePullRequestWorkflow_BuildsLockedTestsOnItsPostgresServiceAndPostsTheReport()
    {
        var workflow = Yaml.Documents(Path.Combine(GitHub, "migrations-pr.yml")).Single();
        var job = workflow.Entries("jobs").Single().Value;
        var steps = job.Items("steps").ToList();
        var runs = string.Join('\n', steps.Select(step => step.Text("run")).OfType<string>());

        Assert.NotNull(workflow.At("on", "pull_request"));
        Assert.StartsWith("postgres:", job.Text("services", "postgres", "image"));
        Assert.Contains("5432:5432", job.Items("services", "postgres", "ports").Select(port => ((YamlScalarNode)port).Value));
        Assert.Contains("-p:ContinuousIntegrationBuild=true", runs);
        Assert.Contains("-p:MigrationsSarifFile=", runs);
        var commands = Commands(steps.Select(step => step.Text("run")));
        var test = Assert.Single(commands, command => command[0] == "test");
        Assert.Equal("test-results.json", After(test, "-o"));
        Assert.Contains("localhost:5432", After(test, "--connection"));
        var report = Assert.Single(commands, command => command[0] == "report");
        Assert.Equal("test-results.json", After(report, "--test-results"));
        Assert.Equal("report.md", After(report, "-o"));
        Assert.Contains(steps, step => step.Text("uses")?.StartsWith("marocchino/sticky-pull-request-comment@", StringComparison.Ordinal) == true && step.Text("with", "path") == "report.md");
        Assert.Contains(steps, step => step.Text("uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true && step.Text("with", "sarif_file") == "migrations.sarif");
        Assert.Equal("write", workflow.Text("permissions", "security-events"));
        Assert.Equal("write", workflow.Text("permissions", "pull-requests"));
    }

    [Fact]
    public void Production_DeploysWithABackupBeforeTheApplicationAndStaging_RollsBackOnFailure()
    {
        var production = Yaml.Documents(Path.Combine(GitHub, "migrations-production.yml")).Single();
        var staging = Yaml.Documents(Path.Combine(GitHub, "migrations-staging.yml")).Single();

        Assert.Equal("main", ((YamlScalarNode)production.Items("on", "push", "branches").Single()).Value);
        Assert.Equal("develop", ((YamlScalarNode)staging.Items("on", "push", "branches").Single()).Value);
        var migrate = production.At("jobs", "migrate");
        Assert.Contains(Commands(migrate.Items("steps").Select(step => step.Text("run"))), command => command is ["deploy", ..] && command.Contains("--backup"));
        Assert.Equal("migrate", production.Text("jobs", "deploy-app", "needs"));
        Assert.Equal("false", production.Text("concurrency", "cancel-in-progress"));
        Assert.Contains(Commands(staging.At("jobs", "migrate").Items("steps").Select(step => step.Text("run"))), command => command is ["deploy", ..] && command.Contains("--rollback-on-failure"));
    }

    [Fact]
    public void TheManualWorkflow_OffersEachActionAndRunsEachOne()
    {
        var workflow = Yaml.Documents(Path.Combine(GitHub, "migrations-manual.yml")).Single();
        var actions = workflow.Items("on", "workflow_dispatch", "inputs", "action", "options").Select(option => ((YamlScalarNode)option).Value!).ToList();

        Assert.Equal(["status", "deploy", "rollback"], actions);
        var verbs = Commands(workflow.Entries("jobs").SelectMany(job => job.Value.Items("steps")).Select(step => step.Text("run"))).Select(command => command[0]).ToHashSet();
        Assert.True(actions.All(verbs.Contains), $"every action runs its verb; found {string.Join(", ", verbs)}");
        Assert.Equal("true", workflow.Text("on", "workflow_dispatch", "inputs", "dry-run", "default"));
    }

    [Fact]
    public void TheGitLabPipeline_ParsesAndItsBundleCommandsTheBundleAccepts()
    {
        var pipeline = Yaml.Documents(GitLab).Single();
        var jobs = pipeline.Entries().Where(entry => entry.Value is YamlMappingNode && !entry.Key.StartsWith('.') && entry.Key is not ("variables" or "default")).ToList();
        var stages = pipeline.Items("stages").Select(stage => ((YamlScalarNode)stage).Value).ToHashSet();

        foreach (var (name, job) in jobs)
        {
            Assert.True(job.At("script") is not null, $"job {name} has no script");
            var stage = job.Text("stage") ?? pipeline.At(job.Text("extends") ?? "-").Text("stage");
            Assert.True(stages.Contains(stage), $"job {name} is in no declared stage");
        }

        var commands = Commands(jobs.SelectMany(job => job.Value.Items("script").Concat(job.Value.Items("before_script"))).Select(line => ((YamlScalarNode)line).Value));
        Assert.Contains(commands, command => command is ["deploy", ..] && command.Contains("--backup"));
        Assert.Contains(commands, command => command is ["report", ..]);
        AssertAccepted(".gitlab-ci.yml", commands);
    }

    [Fact]
    public void AMisspelledOption_IsCaught() =>
        Assert.NotNull(BundleCommands.Problem(BundleCommands.InScript("\"$BUNDLE\" deploy --rollback-on-failures").Single()));

    private static List<string[]> Commands(IEnumerable<string?> scripts) =>
        scripts.OfType<string>().SelectMany(BundleCommands.InScript).ToList();

    private static void AssertAccepted(string file, IEnumerable<string[]> commands)
    {
        foreach (var command in commands)
        {
            var problem = BundleCommands.Problem(command);
            Assert.True(problem is null, $"{file}: 'bundle {string.Join(' ', command)}': {problem}");
        }
    }

    private static string? After(string[] command, string option)
    {
        var index = Array.IndexOf(command, option);
        return index >= 0 && index + 1 < command.Length ? command[index + 1] : null;
    }
}
