using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Runtime.BuildValidation;
using Migrations.Runtime.Discovery;
using Migrations.Runtime.Engine;
using Migrations.Runtime.Rendering;
using Migrations.Safety.Judging;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Tests.Infrastructure;

/// <summary>
/// One set of migrations judged by both layers: the analyzers on the C# (what the IDE shows), and the build's check on
/// the SQL FluentMigrator really renders for the same compiled code. Each gives, per migration class, the rules it
/// reports; a test then asserts both are the expected set, so the two can never disagree unnoticed.
/// </summary>
internal static class TwoLayers
{
    /// <param name="properties">MSBuild properties the SDK passes to both (MigrationsPostgresVersion, MigrationsShippedThrough, MigrationsTags …).</param>
    /// <returns>Per migration class, the rules each layer reports; and the messages of the rules decided on operations, which must match word for word (names, types, defaults).</returns>
    public static async Task<(Dictionary<string, string[]> Ide, Dictionary<string, string[]> Build, string[] IdeMessages, string[] BuildMessages)> JudgeAsync(string source, IReadOnlyDictionary<string, string>? properties = null)
    {
        properties ??= new Dictionary<string, string>();
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Migrations.cs");
        var references = TestReferences.References.Add(MetadataReference.CreateFromFile(typeof(Migrations.AllowUnsafeAttribute).Assembly.Location));
        var compilation = CSharpCompilation.Create("Layers" + Guid.NewGuid().ToString("N"), new[] { tree }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The migrations do not compile:\n" + string.Join("\n", errors));

        var (ide, ideMessages) = await IdeAsync(compilation, tree, properties);
        var (build, buildMessages) = Build(compilation, properties);
        return (ide, build, ideMessages, buildMessages);
    }

    private static bool IsDecided(string ruleId) => Safety.Rules.Decisions.RuleDecisions.All.Any(decision => decision.RuleId == ruleId);

    /// <summary>The rules both layers decide: the ones decided on operations, and the structure rules the build checks too.</summary>
    public static bool IsJudgedByBoth(string ruleId) =>
        RuleCatalog.TryGet(ruleId, out var rule) && rule.Layers == RuleLayers.Both
        && rule.Category is not RuleCatalog.LockFileCategory and not RuleCatalog.SuppressionCategory;

    private static async Task<(Dictionary<string, string[]> Rules, string[] Messages)> IdeAsync(Compilation compilation, SyntaxTree tree, IReadOnlyDictionary<string, string> properties)
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalProperties(properties));
        var diagnostics = (await compilation.WithAnalyzers(AllAnalyzers.Create(), options).GetAnalyzerDiagnosticsAsync()).Where(diagnostic => IsJudgedByBoth(diagnostic.Id)).ToList();
        var repeated = diagnostics.GroupBy(diagnostic => diagnostic.ToString()).Where(group => group.Count() > 1).Select(group => group.Count() + "× " + group.Key).ToList();
        Assert.True(repeated.Count == 0, "A finding is reported more than once:\n" + string.Join("\n", repeated));
        var root = await tree.GetRootAsync();
        string ClassOf(Diagnostic diagnostic) => root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<ClassDeclarationSyntax>().First().Identifier.ValueText;
        var rules = diagnostics
            .GroupBy(ClassOf)
            .ToDictionary(group => group.Key, group => group.Select(diagnostic => diagnostic.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray());
        var messages = diagnostics.Where(diagnostic => IsDecided(diagnostic.Id) && RuleCatalog.Get(diagnostic.Id).EnabledByDefault)
            .Select(diagnostic => ClassOf(diagnostic) + " " + diagnostic.Id + ": " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        return (rules, messages.Distinct().OrderBy(message => message, StringComparer.Ordinal).ToArray());
    }

    private static (Dictionary<string, string[]> Rules, string[] Messages) Build(Compilation compilation, IReadOnlyDictionary<string, string> properties)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var assembly = System.Reflection.Assembly.Load(image.ToArray());

        var tags = RunnerTags.Split(properties.GetValueOrDefault("MigrationsTags"));
        var (migrations, _) = MigrationSet.Discover(assembly, type => RunnerTags.Runs(type, tags));
        using var host = MigrationHost.Create(assembly);
        var rendered = new MigrationRenderer(host).RenderAll(migrations.DistinctBy(migration => migration.Version).ToList());
        var settings = new JudgeSettings
        {
            PostgresVersion = int.Parse(properties.GetValueOrDefault("MigrationsPostgresVersion", "15"), System.Globalization.CultureInfo.InvariantCulture),
            ShippedThrough = properties.TryGetValue("MigrationsShippedThrough", out var shipped) ? long.Parse(shipped, System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        settings.SafetyStartAfter = properties.TryGetValue("MigrationsSafetyStartAfter", out var start) ? long.Parse(start, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var judged = RenderedSqlJudge.Judge(rendered, settings);
        var duplicates = StructureChecks.Duplicates(migrations, _ => null).Select(duplicate => (Name: duplicate.Migration.Type.Name, duplicate.Finding.RuleId));
        var messages = rendered
            .SelectMany(migration => (judged.TryGetValue(migration.Migration.Version, out var verdicts) ? verdicts : [])
                .Where(verdict => !AllowUnsafeAttributes.IsAllowed(migration.Migration.Type, verdict.RuleId) && verdict.Rule.EnabledByDefault)
                .Select(verdict => migration.Migration.Type.Name + " " + verdict.RuleId + ": " + verdict.Message))
            .Distinct().OrderBy(message => message, StringComparer.Ordinal).ToArray();
        var rules = rendered
            .SelectMany(migration => (judged.TryGetValue(migration.Migration.Version, out var verdicts) ? verdicts.Select(verdict => verdict.RuleId) : [])
                .Concat(StructureChecks.Check(migration, location: null, settings).Select(finding => finding.RuleId))
                .Where(ruleId => !AllowUnsafeAttributes.IsAllowed(migration.Migration.Type, ruleId) && RuleCatalog.Get(ruleId).EnabledByDefault && IsJudgedByBoth(ruleId))
                .Select(ruleId => (Name: migration.Migration.Type.Name, RuleId: ruleId)))
            .Concat(duplicates)
            .GroupBy(finding => finding.Name)
            .ToDictionary(group => group.Key, group => group.Select(finding => finding.RuleId).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray());
        return (rules, messages);
    }

    /// <summary>The SDK's CompilerVisibleProperty values, as the compiler hands them to analyzers.</summary>
    private sealed class GlobalProperties(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties.ToDictionary(pair => "build_property." + pair.Key, pair => pair.Value));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new Dictionary<string, string>());

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
