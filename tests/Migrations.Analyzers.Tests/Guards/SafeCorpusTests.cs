using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Migrations.Analyzers.Tests.Infrastructure;

namespace Migrations.Analyzers.Tests.Guards;

public sealed class SafeCorpusTests
{
    [Fact]
    public async Task RealisticSafeMigrations_ProduceNoDiagnostics()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Guards", "SafeCorpus"), "*.cs", SearchOption.AllDirectories);
        var sources = files.Select(File.ReadAllText).Append(Code.AllowUnsafeAttribute).ToList();
        Assert.True(sources.Sum(source => source.Split("[Migration(").Length - 1) >= 40, "The corpus needs at least 40 migrations.");

        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(sources);

        Assert.Empty(exceptions);
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
    }
}
