using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Migrations.Analyzers.Infrastructure;

namespace Migrations.Analyzers.Tests.Infrastructure;

/// <summary>
/// What a fixer offers for a finding at the span marked [|…|], asked the way an IDE asks, in a project with the given
/// build properties. The finding is given, not computed: the fixer is tested on its own, including on code (a shipped
/// migration) where the analyzers would not report at all.
/// </summary>
internal static class OfferedFixes
{
    public static async Task<string[]> TitlesAsync(CodeFixProvider fixer, string ruleId, string markedSource, string? globalConfig = null)
    {
        var start = markedSource.IndexOf("[|", System.StringComparison.Ordinal);
        var end = markedSource.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        Assert.True(start >= 0 && end >= start, "Mark the finding's span with [|…|].");
        var source = markedSource.Replace("[|", string.Empty).Replace("|]", string.Empty);

        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Migrations", "Migrations", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: TestReferences.References))
            .AddDocument(documentId, "Migration.cs", SourceText.From(source), filePath: "/src/Migration.cs");
        if (globalConfig != null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From("is_global = true\n" + globalConfig), filePath: "/.globalconfig");
        }

        var document = solution.GetDocument(documentId)!;
        var compilation = await document.Project.GetCompilationAsync();
        var errors = compilation!.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The migration does not compile:\n" + string.Join("\n", errors));

        var tree = await document.GetSyntaxTreeAsync();
        var finding = Diagnostic.Create(RuleDescriptors.Get(ruleId), Location.Create(tree!, new TextSpan(start, end - start)));
        var offered = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, finding, (action, _) => offered.Add(action), CancellationToken.None));
        return offered.Select(action => action.Title).ToArray();
    }
}
