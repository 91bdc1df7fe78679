using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Migrations.Sdk.Tests.Infrastructure;

namespace Migrations.Sdk.Tests;

/// <summary>
/// The editor path: an IDE (Visual Studio, Rider, the C# Dev Kit) opens the project through an MSBuild design-time build
/// in a Roslyn workspace, runs the analyzers the SDK references, and offers the code fixes shipped beside them.
/// </summary>
public sealed class EditorTests
{
    private const string Project = "Catalog.Migrations";

    [Fact]
    public async Task ProjectOpenedLikeAnEditorDoes_ReportsPGM001AndOffersItsFix()
    {
        using var project = TestProject.Create(Project, files: new Dictionary<string, string>
        {
            [$"{Project}/Migrations/20250501000000_IndexProductNames.cs"] = """
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
        // Editors restore (or ask the user to); a design-time build never does.
        var restore = await project.DotnetAsync("restore");
        Assert.True(restore.ExitCode == 0, restore.All);

        using var workspace = OpenWorkspace();
        var opened = await workspace.OpenProjectAsync(Path.Combine(project.ProjectDirectory, Project + ".csproj"));

        var failures = workspace.Diagnostics.Where(diagnostic => diagnostic.Kind == WorkspaceDiagnosticKind.Failure).Select(diagnostic => diagnostic.Message).ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        var compilation = (await opened.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
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
