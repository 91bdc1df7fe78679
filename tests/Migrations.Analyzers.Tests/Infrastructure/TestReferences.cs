using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Migrations.Analyzers.Tests.Infrastructure;

/// <summary>
/// Test compilations reference the running framework, the FluentMigrator 8.0.1 assemblies this project references and
/// Migrations.Runtime (as the SDK does), so the suite runs offline from the NuGet cache instead of downloading reference packs.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Load);

    public static ImmutableArray<MetadataReference> References => All.Value;

    /// <summary>A reference set with no packages to resolve: the references come from <see cref="References"/>.</summary>
    public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0");

    public static void Configure(ProjectState state)
    {
        state.ReferenceAssemblies = None;
        state.AdditionalReferences.AddRange(References);
    }

    private static ImmutableArray<MetadataReference> Load()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Where(path => !path.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        var fluentMigrator = new[]
        {
            typeof(FluentMigrator.Migration).Assembly.Location,
            typeof(FluentMigrator.MigrationAttribute).Assembly.Location,
            typeof(FluentMigrator.Postgres.PostgresExtensions).Assembly.Location,
            typeof(FluentMigrator.SqlServer.SqlServerExtensions).Assembly.Location,
            typeof(Migrations.Runtime.Backfill.BackfillExtensions).Assembly.Location,
        };
        return framework.Concat(fluentMigrator).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}
