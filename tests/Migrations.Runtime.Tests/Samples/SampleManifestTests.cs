using System.Reflection;
using Migrations.Runtime.Cli;
using Migrations.Runtime.Fleet;
using Migrations.Runtime.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Migrations.Runtime.Tests.Samples;

/// <summary>
/// samples/kubernetes, checked as well as it can be without a cluster: parsed as YAML, the fields a Job's
/// podFailurePolicy depends on, the exit codes it maps against the bundle's (ExitCodes), the shard count against the
/// Job's completions, the Secret keys used against the Secret, and every container's args against the bundle's parser.
/// </summary>
public sealed class SampleManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "samples", "kubernetes");

    private static readonly IReadOnlyList<YamlMappingNode> Manifests =
        Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal).SelectMany(Yaml.Documents).ToList();

    /// <summary>Every documented exit code but success: each must be either retried or fail the Job.</summary>
    private static readonly IReadOnlySet<int> Failures = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral).Select(field => (int)field.GetRawConstantValue()!).Where(code => code != ExitCodes.Success).ToHashSet();

    [Fact]
    public void TheSamples_HoldTheJobsTheDeploymentAndTheSecrets()
    {
        Assert.Equal(["Deployment", "Job", "Job", "Secret", "Secret"], Manifests.Select(manifest => manifest.Text("kind")).Order(StringComparer.Ordinal));
        Assert.All(Manifests, manifest => Assert.NotNull(manifest.Text("apiVersion")));
        Assert.All(Manifests, manifest => Assert.NotNull(manifest.Text("metadata", "name")));
    }

    [Fact]
    public void EveryJob_RetriesOnlyWhatARetryMayFix()
    {
        foreach (var job in Jobs())
        {
            var name = job.Text("metadata", "name");
            var spec = job.At("spec");
            Assert.Equal("Never", spec.Text("template", "spec", "restartPolicy"));
            Assert.True(int.Parse(spec.Text("activeDeadlineSeconds")!, System.Globalization.CultureInfo.InvariantCulture) > 0, $"{name}: activeDeadlineSeconds");
            Assert.True(spec.Text("backoffLimit") is not null || spec.Text("backoffLimitPerIndex") is not null, $"{name}: no retry budget");
            var containers = spec.Items("template", "spec", "containers").Select(container => container.Text("name")).ToHashSet();
            var rules = spec.Items("podFailurePolicy", "rules").ToList();
            var failing = new HashSet<int>();
            foreach (var rule in rules.Where(rule => rule.At("onExitCodes") is not null))
            {
                var action = rule.Text("action");
                Assert.True(action is "FailJob" or "FailIndex", $"{name}: exit codes are mapped to FailJob or FailIndex, not {action}");
                Assert.True(action != "FailIndex" || (spec.Text("completionMode") == "Indexed" && spec.Text("backoffLimitPerIndex") is not null), $"{name}: FailIndex needs an Indexed Job with backoffLimitPerIndex");
                Assert.Contains(rule.Text("onExitCodes", "containerName"), containers);
                Assert.Equal("In", rule.Text("onExitCodes", "operator"));
                failing.UnionWith(rule.Items("onExitCodes", "values").Select(value => int.Parse(((YamlScalarNode)value).Value!, System.Globalization.CultureInfo.InvariantCulture)));
            }

            var retried = Failures.Where(code => FleetExitCode.MayPassOnRetry(OutcomeOfExitCode.Of(code)) || code == ExitCodes.Cancelled).ToHashSet();
            Assert.True(failing.IsSubsetOf(Failures), $"{name}: {string.Join(", ", failing.Except(Failures))} is not an exit code of the bundle");
            Assert.Empty(failing.Intersect(retried));
            Assert.Equal(Failures.Except(retried).Order(), failing.Order());
            Assert.Contains(rules, rule => rule.Text("action") == "Ignore" && rule.Items("onPodConditions").Any(condition => condition.Text("type") == "DisruptionTarget"));
        }
    }

    [Fact]
    public void TheFleetJob_IsIndexedAndTellsTheBundleItsCompletions()
    {
        var fleet = Assert.Single(Jobs(), job => job.Text("spec", "completionMode") == "Indexed");
        var container = fleet.Items("spec", "template", "spec", "containers").Single();
        var environment = container.Items("env").ToDictionary(variable => variable.Text("name")!, variable => variable.Text("value"));
        Assert.Equal(fleet.Text("spec", "completions"), environment[FleetShard.CountVariable]);

        var arguments = Arguments(container);
        var targets = arguments[Array.IndexOf(arguments, "--targets") + 1];
        var mount = container.Items("volumeMounts").Single(mounted => targets.StartsWith(mounted.Text("mountPath") + "/", StringComparison.Ordinal));
        var volume = fleet.Items("spec", "template", "spec", "volumes").Single(item => item.Text("name") == mount.Text("name"));
        Assert.Equal(Path.GetFileName(targets), volume.Items("secret", "items").Single().Text("path"));
        var journal = arguments[Array.IndexOf(arguments, "--journal") + 1];
        Assert.Contains(container.Items("volumeMounts"), mounted => journal.StartsWith(mounted.Text("mountPath") + "/", StringComparison.Ordinal) && mounted.Text("readOnly") != "true");
    }

    [Fact]
    public void TheApplication_WaitsForTheSchemaInAnInitContainer()
    {
        var deployment = Manifests.Single(manifest => manifest.Text("kind") == "Deployment");
        var init = deployment.Items("spec", "template", "spec", "initContainers").Single();

        Assert.Equal(["status", "--exit-code"], Arguments(init));
    }

    [Fact]
    public void EveryBundleContainer_HasArgsTheBundleAcceptsAndSecretsThatExist()
    {
        var secrets = Manifests.Where(manifest => manifest.Text("kind") == "Secret")
            .ToDictionary(secret => secret.Text("metadata", "name")!, secret => secret.Entries("stringData").Select(entry => entry.Key).ToHashSet());
        var bundleContainers = 0;
        foreach (var manifest in Manifests.Where(manifest => manifest.Text("kind") is "Job" or "Deployment"))
        {
            var pod = manifest.At("spec", "template", "spec");
            foreach (var container in pod.Items("containers").Concat(pod.Items("initContainers")))
            {
                foreach (var reference in container.Items("env").Select(variable => variable.At("valueFrom", "secretKeyRef")).Where(reference => reference is not null))
                {
                    Assert.True(secrets.TryGetValue(reference.Text("name")!, out var keys) && keys.Contains(reference.Text("key")!), $"no key {reference.Text("key")} in Secret {reference.Text("name")}");
                }

                if (container.Text("image")?.Contains("-migrations:", StringComparison.Ordinal) != true)
                {
                    continue;
                }

                bundleContainers++;
                Assert.True(container.At("command") is null, "the image's entrypoint is the bundle: give it args only");
                var problem = BundleCommands.Problem(Arguments(container));
                Assert.True(problem is null, $"{manifest.Text("metadata", "name")}/{container.Text("name")}: {problem}");
            }

            foreach (var volume in pod.Items("volumes").Where(volume => volume.At("secret") is not null))
            {
                Assert.All(volume.Items("secret", "items"), item => Assert.Contains(item.Text("key")!, secrets[volume.Text("secret", "secretName")!]));
            }
        }

        Assert.Equal(3, bundleContainers);
    }

    private static IEnumerable<YamlMappingNode> Jobs() => Manifests.Where(manifest => manifest.Text("kind") == "Job");

    private static string[] Arguments(YamlNode container) => container.Items("args").Select(argument => ((YamlScalarNode)argument).Value!).ToArray();
}
