using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Migrations.Analyzers.Infrastructure;
using Migrations.Safety.Rules;

namespace Migrations.Analyzers.Rules
{
    /// <summary>PGM101: a version that is not a yyyyMMddHHmm or yyyyMMddHHmmss timestamp collides across branches.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class VersionNotTimestampAnalyzer : MigrationAnalyzer
    {
        public VersionNotTimestampAnalyzer()
            : base(RuleIds.VersionNotTimestamp)
        {
        }

        private protected override void Register(CompilationStartAnalysisContext context, MigrationCompilation migrations) =>
            RegisterMigrationClasses(context, migrations, (symbolContext, migration) =>
            {
                if (migration.Version.HasValue && !IsTimestamp(migration.Version.Value))
                {
                    migrations.Report(symbolContext.ReportDiagnostic, migration.Type, RuleIds.VersionNotTimestamp, DuplicateVersionAnalyzer.AttributeLocation(migration), migration.Version.Value, migration.Type.Name);
                }
            });

        internal static bool IsTimestamp(long version)
        {
            var text = version.ToString(CultureInfo.InvariantCulture);
            var format = text.Length == 12 ? "yyyyMMddHHmm" : text.Length == 14 ? "yyyyMMddHHmmss" : null;
            return format != null && DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year >= 2000;
        }
    }
}
