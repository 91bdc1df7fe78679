using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Migrations.Analyzers.Infrastructure;

/// <summary>The MSBuild properties the SDK makes compiler-visible (CompilerVisibleProperty).</summary>
internal sealed class AnalyzerSettings
{
    /// <summary>The global option the analyzers package's build-only analyzer config sets (build/Migrations.Analyzers.Build.globalconfig).</summary>
    public const string ReportAtCompilationEndOption = "migrations_analyzers.report_at_compilation_end";

    private AnalyzerSettings(int postgresVersion, long startAfter, long? shippedThrough, string[] tags, bool reportsAtCompilationEnd)
    {
        ReportsAtCompilationEnd = reportsAtCompilationEnd;
        PostgresVersion = postgresVersion;
        StartAfter = startAfter;
        ShippedThrough = shippedThrough;
        Tags = tags;
    }

    /// <summary>MigrationsShippedThrough: migrations at or below this version have reached production.</summary>
    public long? ShippedThrough { get; }

    /// <summary>MigrationsTags: the FluentMigrator tags the bundle runs with; migrations they exclude are not analysed.</summary>
    public string[] Tags { get; }

    /// <summary>MigrationsPostgresVersion: the major version of the target server.</summary>
    public int PostgresVersion { get; }

    /// <summary>
    /// True in a build, false in the editor: the package gives the compiler a build-only analyzer config that design-time
    /// builds (which feed the editor) leave out. A build reports the findings that need the whole history at the end of
    /// the compilation, when the compiler has bound every migration; the editor reports them as each class is analysed.
    /// </summary>
    public bool ReportsAtCompilationEnd { get; }

    /// <summary>MigrationsSafetyStartAfter: migrations at or below this version are not analysed.</summary>
    public long StartAfter { get; }

    public static AnalyzerSettings Read(AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var postgresVersion = Migrations.Safety.Judging.JudgeSettings.DefaultPostgresVersion;
        if (global.TryGetValue("build_property.MigrationsPostgresVersion", out var versionText)
            && int.TryParse(versionText.Trim().Split('.')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedVersion))
        {
            postgresVersion = parsedVersion;
        }

        long startAfter = 0;
        if (global.TryGetValue("build_property.MigrationsSafetyStartAfter", out var startText)
            && long.TryParse(startText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedStart))
        {
            startAfter = parsedStart;
        }

        long? shippedThrough = null;
        if (global.TryGetValue("build_property.MigrationsShippedThrough", out var shippedText)
            && long.TryParse(shippedText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedShipped))
        {
            shippedThrough = parsedShipped;
        }

        var tags = global.TryGetValue("build_property.MigrationsTags", out var tagsText)
            ? tagsText.Split(new[] { ';', ',' }, System.StringSplitOptions.RemoveEmptyEntries).Select(tag => tag.Trim()).Where(tag => tag.Length > 0).ToArray()
            : new string[0];
        var atEnd = global.TryGetValue(ReportAtCompilationEndOption, out var atEndText) && string.Equals(atEndText.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
        return new AnalyzerSettings(postgresVersion, startAfter, shippedThrough, tags, atEnd);
    }
}
