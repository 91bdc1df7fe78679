using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Rules;
using Migrations.Analyzers.Tests.Infrastructure;

namespace Migrations.Analyzers.Tests.Rules;

/// <summary>The analyzers find FluentMigrator's and Migrations.Runtime's types by name (WellKnownTypes): a second, invisible copy must not hide them.</summary>
public sealed class TypeLookupTests
{
    [Fact]
    public async Task AllowUnsafeAttribute_IsFound_WhenAReferencedLibraryHasAnInternalCopy()
    {
        // A helper library that keeps its own internal AllowUnsafeAttribute, beside Migrations.Runtime's public one.
        var library = CSharpCompilation.Create(
            "MigrationHelpers",
            [CSharpSyntaxTree.ParseText("namespace Migrations { internal sealed class AllowUnsafeAttribute : System.Attribute { public AllowUnsafeAttribute(string ruleId) { } } }")],
            TestReferences.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);

        const string source = """
            using FluentMigrator;
            using Migrations;

            [Migration(202601010000)]
            [AllowUnsafe("PGM033")]
            public class DropJobs : Migration
            {
                public override void Up() => Delete.Table("jobs");

                public override void Down() { }
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Migrations",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            TestReferences.References
                .Add(MetadataReference.CreateFromFile(typeof(Migrations.AllowUnsafeAttribute).Assembly.Location))
                .Add(MetadataReference.CreateFromImage(image.ToArray())),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

        var findings = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AllowUnsafeWithoutReasonAnalyzer())).GetAnalyzerDiagnosticsAsync();

        Assert.Equal(["PGM900"], findings.Select(finding => finding.Id));
    }
}
