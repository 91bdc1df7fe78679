using Migrations.Runtime.BuildValidation.Severities;
using Migrations.Safety.Rules;

namespace Migrations.Runtime.Tests;

/// <summary>
/// The build's findings take the severity the project configures for the analyzers: the same .editorconfig and global
/// config files, read with the compiler's precedence.
/// </summary>
public sealed class ConfiguredSeverityTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("migrations-severity-").FullName;

    private static Rule ColumnTypeChange => RuleCatalog.Get(RuleIds.ColumnTypeChangeRewrites);

    private static Rule DropIndex => RuleCatalog.Get(RuleIds.DropIndexNotConcurrent);

    [Fact]
    public void NothingConfigured_IsTheCatalogSeverity_AndAnOptInRuleIsOff()
    {
        var severities = Load();

        Assert.Equal(RuleSeverity.Error, severities.At(ColumnTypeChange, Source("Migrations/A.cs")));
        Assert.Null(severities.At(RuleCatalog.Get(RuleIds.VarcharWithLength), Source("Migrations/A.cs")));
    }

    [Fact]
    public void None_Silences_Suggestion_IsAMessage_AndOnlyWhereTheSectionMatches()
    {
        Write(".editorconfig", """
            root = true
            [*.cs]
            dotnet_diagnostic.PGM009.severity = none
            [Migrations/Legacy/**.cs]
            dotnet_diagnostic.PGM003.severity = suggestion # reviewed by hand
            """);
        var severities = Load(".editorconfig");

        Assert.Null(severities.At(ColumnTypeChange, Source("Migrations/A.cs")));
        Assert.Equal(RuleSeverity.Error, severities.At(ColumnTypeChange, Source("Migrations/A.sql")));
        Assert.Equal(RuleSeverity.Info, severities.At(DropIndex, Source("Migrations/Legacy/2019/B.cs")));
        Assert.Equal(RuleSeverity.Warning, severities.At(DropIndex, Source("Migrations/B.cs")));
    }

    [Fact]
    public void TheClosestFileWins_AndARootFileHidesTheOnesAbove()
    {
        Write(".editorconfig", "[*]\ndotnet_diagnostic.PGM003.severity = error\ndotnet_diagnostic.PGM009.severity = suggestion\n");
        Write("app/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.PGM003.severity = none\n");
        Write("other/.editorconfig", "[*.cs]\ndotnet_diagnostic.PGM003.severity = warning\n");
        var severities = Load(".editorconfig", "app/.editorconfig", "other/.editorconfig");

        Assert.Null(severities.At(DropIndex, Source("app/M.cs")));
        Assert.Equal(RuleSeverity.Error, severities.At(ColumnTypeChange, Source("app/M.cs")));
        Assert.Equal(RuleSeverity.Warning, severities.At(DropIndex, Source("other/M.cs")));
        Assert.Equal(RuleSeverity.Info, severities.At(ColumnTypeChange, Source("other/M.cs")));
    }

    [Fact]
    public void ARulesOwnKey_BeatsItsCategory_WhichBeatsAllAnalyzers_AndEditorConfigBeatsAGlobalConfig()
    {
        Write(".globalconfig", "is_global = true\ndotnet_diagnostic.PGM003.severity = error\ndotnet_analyzer_diagnostic.severity = suggestion\n");
        Write(".editorconfig", "[*.cs]\ndotnet_analyzer_diagnostic.category-PostgreSQL.Compatibility.severity = warning\ndotnet_diagnostic.PGM009.severity = warning\n");
        var severities = Load(".globalconfig", ".editorconfig");

        Assert.Equal(RuleSeverity.Error, severities.At(DropIndex, Source("M.cs")));
        Assert.Equal(RuleSeverity.Warning, severities.At(ColumnTypeChange, Source("M.cs")));
        Assert.Equal(RuleSeverity.Warning, severities.At(RuleCatalog.Get(RuleIds.DropColumn), Source("M.cs")));
        Assert.Equal(RuleSeverity.Info, severities.At(RuleCatalog.Get(RuleIds.EmptyDown), Source("M.cs")));
        Assert.Equal(RuleSeverity.Info, severities.At(RuleCatalog.Get(RuleIds.EmptyDown), null));
    }

    [Fact]
    public void TheHigherGlobalLevelWins()
    {
        Write("low.globalconfig", "is_global = true\nglobal_level = -1\ndotnet_diagnostic.PGM003.severity = none\n");
        Write("high.globalconfig", "is_global = true\nglobal_level = 10\ndotnet_diagnostic.PGM003.severity = error\n");

        Assert.Equal(RuleSeverity.Error, Load("low.globalconfig", "high.globalconfig").At(DropIndex, Source("M.cs")));
        Assert.Equal(RuleSeverity.Error, Load("high.globalconfig", "low.globalconfig").At(DropIndex, Source("M.cs")));
    }

    [Fact]
    public void BracesCharacterClassesAndNumberRanges_MatchAsInEditorConfig()
    {
        Write(".editorconfig", "[{Schema,Data}/v{1..3}/*.{cs,sql}]\ndotnet_diagnostic.PGM003.severity = none\n[[!A]*.cs]\ndotnet_diagnostic.PGM009.severity = warning\n");
        var severities = Load(".editorconfig");

        Assert.Null(severities.At(DropIndex, Source("Data/v2/M.sql")));
        Assert.Equal(RuleSeverity.Warning, severities.At(DropIndex, Source("Data/v4/M.sql")));
        Assert.Equal(RuleSeverity.Warning, severities.At(DropIndex, Source("Other/v2/M.cs")));
        Assert.Equal(RuleSeverity.Warning, severities.At(ColumnTypeChange, Source("x/M.cs")));
        Assert.Equal(RuleSeverity.Error, severities.At(ColumnTypeChange, Source("x/AM.cs")));
    }

    [Fact]
    public void NoWarnSilences_AndWarningsBecomeErrorsUnlessExempted()
    {
        var warnings = new WarningOptions(WarningOptions.Ids("PGM009"), TreatWarningsAsErrors: true, WarningsNotAsErrors: WarningOptions.Ids("PGM102"));
        var severities = ConfiguredSeverities.Load([], warnings);

        Assert.Null(severities.At(ColumnTypeChange, Source("M.cs")));
        Assert.Equal(RuleSeverity.Error, severities.At(DropIndex, Source("M.cs")));
        Assert.Equal(RuleSeverity.Warning, severities.At(RuleCatalog.Get(RuleIds.EmptyDown), Source("M.cs")));
        Assert.Equal(RuleSeverity.Error, ConfiguredSeverities.Load([], new WarningOptions(new HashSet<string>(), WarningsAsErrors: WarningOptions.Ids("PGM003;PGM102"))).At(DropIndex, Source("M.cs")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ConfiguredSeverities Load(params string[] files) =>
        ConfiguredSeverities.Load(files.Select(Source), WarningOptions.None);

    private string Source(string relative) => Path.Combine(_root, relative);

    private void Write(string relative, string text)
    {
        var path = Source(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
