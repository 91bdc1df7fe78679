using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Migrations.Analyzers.Infrastructure
{
    /// <summary>The MSBuild properties the SDK makes compiler-visible (CompilerVisibleProperty).</summary>
    internal sealed class AnalyzerSettings
    {
        public const int DefaultPostgresVersion = 15;

        private AnalyzerSettings(int postgresVersion, long startAfter)
        {
            PostgresVersion = postgresVersion;
            StartAfter = startAfter;
        }

        /// <summary>MigrationsPostgresVersion: the major version of the target server.</summary>
        public int PostgresVersion { get; }

        /// <summary>MigrationsSafetyStartAfter: migrations at or below this version are not analysed.</summary>
        public long StartAfter { get; }

        public static AnalyzerSettings Read(AnalyzerOptions options)
        {
            var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            var postgresVersion = DefaultPostgresVersion;
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

            return new AnalyzerSettings(postgresVersion, startAfter);
        }
    }
}
