using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Migrations.Analyzers.Tests.Infrastructure;

/// <summary>Microsoft.CodeAnalysis.Testing for one analyzer, offline (see <see cref="TestReferences"/>).</summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string ruleId) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(ruleId);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) => VerifyAnalyzerAsync(source, null, expected);

    /// <summary>Runs with a .globalconfig (e.g. build_property.MigrationsPostgresVersion = 10) when given.</summary>
    public static Task VerifyAnalyzerAsync(string source, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        if (globalConfig != null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            TestReferences.Configure(TestState);
        }
    }
}
