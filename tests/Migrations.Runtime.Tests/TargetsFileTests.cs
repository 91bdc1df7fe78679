using Migrations.Runtime.Cli;
using Migrations.Runtime.Fleet;
using Migrations.Runtime.Outcomes;

namespace Migrations.Runtime.Tests;

/// <summary>Reading a targets file and choosing a shard of it: no database needed.</summary>
public sealed class TargetsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("targets-").FullName;

    [Fact]
    public void TheTextForm_SkipsBlankLinesAndCommentsAndKeepsLineNumbers()
    {
        var targets = TargetsFile.Read(Write("targets.txt", """
            # tenants of eu-1

            postgresql://app:pw@db1:5432/shop?schema=tenant_a
              Host=db2;Port=6432;Database=shop;Username=app;Password=pw
            """));

        Assert.Equal([3, 4], targets.Select(target => target.Line));
        Assert.Equal(["app@db1:5432/shop?schema=tenant_a", "app@db2:6432/shop"], targets.Select(target => target.Address));
    }

    [Fact]
    public void TheJsonForm_CarriesNamesAndGroups()
    {
        var targets = TargetsFile.Read(Write("targets.json", """
            {
              "targets": [
                { "name": "acme", "group": "eu", "connection": "postgresql://app:pw@db1/acme" },
                "postgresql://app:pw@db2/globex"
              ]
            }
            """));

        Assert.Equal("acme (app@db1:5432/acme)", targets[0].Label);
        Assert.Equal("eu", targets[0].Group);
        Assert.Equal(4, targets[1].Line);
        Assert.Equal("app@db2:5432/globex", targets[1].Label);
    }

    [Fact]
    public void AJsonEntryWithoutConnection_NamesItsLine()
    {
        var path = Write("targets.json", """
            [
              { "name": "acme", "connection": "postgresql://app:pw@db1/acme" },
              { "name": "globex" }
            ]
            """);

        var failure = Assert.Throws<BundleFailure>(() => TargetsFile.Read(path));

        Assert.Equal(ExitCodes.UsageError, ExitCodes.Of(failure.Kind));
        Assert.Equal($"{path} line 3: the target has no \"connection\".", failure.Message);
    }

    [Fact]
    public void AMalformedKeywordLine_NeverRepeatsItsPassword()
    {
        var path = Write("targets.txt", "Host=db1;Database=shop;Username=app;Password=hunter2-secret;Colour=blue");

        var failure = Assert.Throws<BundleFailure>(() => TargetsFile.Read(path));

        Assert.StartsWith($"{path} line 1: The connection string is malformed", failure.Message);
        Assert.DoesNotContain("hunter2", failure.Message);
    }

    [Fact]
    public void AnEmptyFile_IsAUsageError() =>
        Assert.Equal(ExitCodes.UsageError, ExitCodes.Of(Assert.Throws<BundleFailure>(() => TargetsFile.Read(Write("targets.txt", "# nothing yet\n"))).Kind));

    [Theory]
    [InlineData("0/3", new[] { 1, 4, 7 })]
    [InlineData("1/3", new[] { 2, 5 })]
    [InlineData("2/3", new[] { 3, 6 })]
    public void AShard_TakesEveryNthTarget(string shard, int[] lines)
    {
        var targets = TargetsFile.Read(Write("targets.txt", string.Join('\n', Enumerable.Range(1, 7).Select(index => $"postgresql://app@db/t{index}"))));

        Assert.Equal(lines, FleetShard.Resolve(shard, _ => null).Slice(targets).Select(target => target.Line));
    }

    [Fact]
    public void InAnIndexedJob_TheShardComesFromTheEnvironment()
    {
        var environment = new Dictionary<string, string> { [FleetShard.IndexVariable] = "4", [FleetShard.CountVariable] = "10" };

        Assert.Equal(new FleetShard(4, 10), FleetShard.Resolve(null, environment.GetValueOrDefault));
        Assert.Equal(new FleetShard(1, 2), FleetShard.Resolve("1/2", environment.GetValueOrDefault));
        Assert.Equal(FleetShard.Whole, FleetShard.Resolve(null, _ => null));
    }

    [Fact]
    public void AnIndexedJobWithoutItsCompletions_IsAUsageErrorThatSaysWhatToSet()
    {
        var failure = Assert.Throws<BundleFailure>(() => FleetShard.Resolve(null, name => name == FleetShard.IndexVariable ? "3" : null));

        Assert.Equal("JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but JOB_COMPLETIONS is not: set JOB_COMPLETIONS in the pod's env to the Job's spec.completions, or pass --shard I/N.", failure.Message);
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("-1/3")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void AShardOutOfRange_IsAUsageError(string shard) =>
        Assert.Equal(ExitCodes.UsageError, ExitCodes.Of(Assert.Throws<BundleFailure>(() => FleetShard.Resolve(shard, _ => null)).Kind));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
