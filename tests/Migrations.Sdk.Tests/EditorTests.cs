using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Migrations.Sdk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Migrations.Sdk.Tests;

/// <summary>
/// The editor path: an IDE (Visual Studio, Rider, the C# Dev Kit) opens the project through an MSBuild design-time build
/// in a Roslyn workspace, runs the analyzers the SDK references, and offers the code fixes shipped beside them; a
/// language server such as csharp-ls does the same over LSP. Neither restores: an editor opens a restored project.
/// </summary>
public sealed class EditorTests(ITestOutputHelper output)
{
    private const string Project = "Catalog.Migrations";
    private const string Migration = $"{Project}/Migrations/20250501000000_IndexProductNames.cs";
    private const string BuildOnlyOption = "migrations_analyzers.report_at_compilation_end";

    [Fact]
    public async Task ProjectOpenedLikeAnEditorDoes_ReportsPGM001AndOffersItsFix()
    {
        using var project = await RestoredProjectAsync();

        using var workspace = OpenWorkspace();
        var opened = await workspace.OpenProjectAsync(Path.Combine(project.ProjectDirectory, Project + ".csproj"));

        var failures = workspace.Diagnostics.Where(diagnostic => diagnostic.Kind == WorkspaceDiagnosticKind.Failure).Select(diagnostic => diagnostic.Message).ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        var compilation = (await opened.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        // The editor reports as it analyses each class; only a build waits for the end of the compilation.
        Assert.False(opened.AnalyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(BuildOnlyOption, out _), "the editor got the build-only analyzer config");
        var analyzers = opened.AnalyzerReferences.SelectMany(reference => reference.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        var findings = await compilation.WithAnalyzers(analyzers, opened.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        var finding = Assert.Single(findings, diagnostic => diagnostic.Id == "PGM001");
        Assert.Contains("Creating index 'ix_products_name' on existing table 'products' blocks writes", finding.GetMessage());

        var document = opened.Documents.Single(candidate => candidate.FilePath == finding.Location.SourceTree!.FilePath);
        var fix = Assert.Single(await FixesAsync(opened, document, finding));
        Assert.Equal("Build the index CONCURRENTLY", fix.Title);
        var operation = Assert.Single((await fix.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var fixedText = (await operation.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.Contains(".OnColumn(\"name\").WithOptions().AsConcurrently();", fixedText);
        Assert.Contains("TransactionBehavior.None", fixedText);
    }

    /// <summary>
    /// A build gives the compiler the analyzers package's build-only config, so the findings that need every migration's
    /// history come at the end of the compilation, when the compiler has bound every migration for the analyzers; a
    /// design-time build (what an editor opens the project with) does not, so the editor reports as the user types.
    /// </summary>
    [Fact]
    public async Task OnlyABuildReportsTheHistoryFindingsAtTheEndOfTheCompilation()
    {
        using var project = await RestoredProjectAsync();

        var build = await project.DotnetAsync("msbuild", "-getItem:EditorConfigFiles", "-nologo");
        var designTime = await project.DotnetAsync("msbuild", "-getItem:EditorConfigFiles", "-p:DesignTimeBuild=true", "-nologo");

        Assert.True(build.ExitCode == 0, build.All);
        Assert.Contains("Migrations.Analyzers.Build.globalconfig", build.Output);
        var config = System.Text.Json.JsonDocument.Parse(build.Output).RootElement.GetProperty("Items").GetProperty("EditorConfigFiles").EnumerateArray()
            .Select(item => item.GetProperty("FullPath").GetString()!).Single(path => path.EndsWith("Migrations.Analyzers.Build.globalconfig", StringComparison.Ordinal));
        Assert.Contains(BuildOnlyOption + " = true", File.ReadAllText(config));
        Assert.True(designTime.ExitCode == 0, designTime.All);
        Assert.DoesNotContain("Migrations.Analyzers.Build.globalconfig", designTime.Output);
    }

    /// <summary>
    /// csharp-ls runs analyzers only when the client's configuration says csharp.analyzersEnabled (off by default since
    /// 0.24): an editor that does not send it sees compiler errors but never a PGM finding. It offers Roslyn's own code
    /// fixes, not those of analyzer packages, so the fix is not asserted here.
    /// </summary>
    [Fact]
    public async Task CsharpLs_WithAnalyzersEnabled_ReportsPGM001()
    {
        var server = await CsharpLs.InstallAsync();
        using var project = await RestoredProjectAsync();
        var root = new Uri(project.ProjectDirectory).AbsoluteUri;
        var file = Path.Combine(project.Directory, Migration);
        var clock = Stopwatch.StartNew();
        await using var client = LanguageServer.Start(server, [], project.ProjectDirectory, TestProject.Environment(), (method, parameters) => method switch
        {
            "workspace/configuration" => new JsonArray(parameters!["items"]!.AsArray().Select(_ => (JsonNode)new JsonObject { ["analyzersEnabled"] = true }).ToArray()),
            _ => null,
        });

        await client.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = root,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = Project }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true },
                ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject(), ["publishDiagnostics"] = new JsonObject() },
            },
        }, TimeSpan.FromMinutes(1));
        await client.NotifyAsync("initialized", new JsonObject());
        var document = new JsonObject { ["uri"] = new Uri(file).AbsoluteUri };
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = new Uri(file).AbsoluteUri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = File.ReadAllText(file) },
        });

        // The project loads in the background: ask again until the analyzers have run or two minutes have passed.
        JsonNode? finding = null;
        while (finding is null && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            var report = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = document.DeepClone() }, TimeSpan.FromMinutes(1));
            finding = report?["items"]?.AsArray().FirstOrDefault(item => item?["code"]?.GetValue<string>() == "PGM001");
            if (finding is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        Assert.True(finding is not null, "csharp-ls reported no PGM001 in two minutes:\n" + client.Log);
        output.WriteLine($"csharp-ls {CsharpLs.Version}: PGM001 after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Contains("Creating index 'ix_products_name' on existing table 'products' blocks writes", finding["message"]!.GetValue<string>());
        Assert.Equal(9, finding["range"]!["start"]!["line"]!.GetValue<int>());
    }

    private static async Task<TestProject> RestoredProjectAsync()
    {
        var project = TestProject.Create(Project, files: new Dictionary<string, string>
        {
            [Migration] = """
                using FluentMigrator;

                namespace Catalog.Migrations;

                [Migration(20250501000000, "product name index")]
                public sealed class IndexProductNames : Migration
                {
                    public override void Up()
                    {
                        Create.Index("ix_products_name").OnTable("products").OnColumn("name");
                    }

                    public override void Down() => Delete.Index("ix_products_name").OnTable("products");
                }
                """,
        });
        var restore = await project.DotnetAsync("restore");
        Assert.True(restore.ExitCode == 0, restore.All);
        return project;
    }

    private static MSBuildWorkspace OpenWorkspace()
    {
        // The workspace's build host is a child process: it finds the SDK package where the test builds put it.
        Environment.SetEnvironmentVariable("NUGET_PACKAGES", PackedSdk.PackagesFolder);
        return MSBuildWorkspace.Create();
    }

    /// <summary>The code fixes offered for one finding, from the fix providers shipped in the project's analyzer packages.</summary>
    private static async Task<List<CodeAction>> FixesAsync(Microsoft.CodeAnalysis.Project project, Document document, Diagnostic finding)
    {
        var offered = new List<CodeAction>();
        foreach (var provider in project.AnalyzerReferences.OfType<AnalyzerFileReference>().SelectMany(CodeFixProviders))
        {
            if (provider.FixableDiagnosticIds.Contains(finding.Id))
            {
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, finding, (action, _) => offered.Add(action), CancellationToken.None));
            }
        }

        return offered;
    }

    private static IEnumerable<CodeFixProvider> CodeFixProviders(AnalyzerFileReference reference) =>
        Assembly.LoadFrom(reference.FullPath).GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type)
                && type.GetCustomAttribute<ExportCodeFixProviderAttribute>()?.Languages.Contains(LanguageNames.CSharp) == true)
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!);
}
