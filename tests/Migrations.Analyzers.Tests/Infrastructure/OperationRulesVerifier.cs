using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Tests.Infrastructure;

/// <summary>Microsoft.CodeAnalysis.Testing with the analyzers of every safety and compatibility rule (PGM0xx, PGM03x): what a migration's SQL is judged by.</summary>
public static class OperationRulesVerifier
{
    public static DiagnosticResult Diagnostic(string ruleId) => new(RuleDescriptors.Get(ruleId));

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) => VerifyAnalyzerAsync(source, null, expected);

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

    public sealed class Test : CSharpAnalyzerTest<EmptyDiagnosticAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            TestReferences.Configure(TestState);
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            typeof(OperationRuleAnalyzer).Assembly.GetTypes()
                .Where(type => !type.IsAbstract && typeof(OperationRuleAnalyzer).IsAssignableFrom(type))
                .OrderBy(type => type.Name, StringComparer.Ordinal)
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
                .Where(analyzer => analyzer.SupportedDiagnostics.All(descriptor => descriptor.Category is RuleCatalog.SafetyCategory or RuleCatalog.CompatibilityCategory));
    }
}
