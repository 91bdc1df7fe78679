using System.Globalization;
using System.Text;

namespace Analyzers.Bench;

/// <summary>
/// Writes a migrations project: each migration creates its own table and runs 5–10 operations, about a third of them
/// unsafe on the previous migration's table and allowed with [AllowUnsafe] and a reason, so the build succeeds.
/// </summary>
internal static class MigrationGenerator
{
    /// <param name="analyzerTargets">The analyzers package's build/Migrations.Analyzers.targets, imported as the package would be.</param>
    public static void Write(string directory, int count, string analyzerDirectory, string analyzerTargets)
    {
        Directory.CreateDirectory(Path.Combine(directory, "Migrations"));
        File.WriteAllText(Path.Combine(directory, "Bench.Migrations.csproj"), Project(analyzerDirectory, analyzerTargets));
        // What a user's project pays: the repository's own .editorconfig (warnings as errors, analysis level) stays out.
        File.WriteAllText(Path.Combine(directory, ".editorconfig"), "root = true\n");
        File.WriteAllText(Path.Combine(directory, "AllowUnsafeAttribute.cs"), AllowUnsafe);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
        var random = new Random(20260101);
        for (var index = 1; index <= count; index++)
        {
            File.WriteAllText(Path.Combine(directory, "Migrations", $"M{index:D4}.cs"), Migration(index, random));
        }
    }

    private static string Migration(int index, Random random)
    {
        var version = new DateTime(2020, 1, 1).AddMinutes(index).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var table = $"t{index:D4}";
        var previous = $"t{index - 1:D4}";
        var up = new StringBuilder();
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        up.AppendLine($"""
                    Create.Table("{table}")
                        .WithColumn("id").AsInt64().PrimaryKey("pk_{table}").Identity()
                        .WithColumn("name").AsString(100).Nullable()
                        .WithColumn("amount").AsInt32().NotNullable().WithDefaultValue(0)
                        .WithColumn("created_at").AsDateTimeOffset().NotNullable().WithDefault(SystemMethods.CurrentDateTimeOffset);
            """);
        var operations = random.Next(5, 11) - 1;
        var fluentSchemaChange = false;
        for (var operation = 0; operation < operations; operation++)
        {
            var unsafeOperation = index > 1 && random.Next(3) == 0;
            var kind = random.Next(6);
            fluentSchemaChange |= unsafeOperation && kind is 0 or 1 or 4 or 5;
            up.AppendLine(unsafeOperation ? Unsafe(kind, previous, operation, allowed) : Safe(kind, table, operation));
        }

        if (!allowed.Contains("PGM014") || !fluentSchemaChange)
        {
            allowed.Remove("PGM108");
        }

        var attributes = string.Concat(allowed.Select(rule => $"\n[AllowUnsafe(\"{rule}\", Reason = \"generated benchmark operation on a small table\")]"));
        if (allowed.Contains("PGM014") && allowed.Contains("PGM108"))
        {
            // The backfill shares the migration with a fluent schema change of the same table.
        }
        return $$"""
            using FluentMigrator;
            using FluentMigrator.Postgres;
            using Migrations;

            namespace Bench.Migrations;

            [Migration({{version}})]{{attributes}}
            public sealed class M{{index:D4}} : Migration
            {
                public override void Up()
                {
            {{up}}    }

                public override void Down() => Delete.Table("{{table}}");
            }
            """;
    }

    private static string Safe(int kind, string table, int operation) => kind switch
    {
        0 => $"""        Create.Index("ix_{table}_{operation}").OnTable("{table}").OnColumn("name").Ascending();""",
        1 => $"""        Alter.Table("{table}").AddColumn("c{operation}").AsString().Nullable();""",
        2 => $$"""        Insert.IntoTable("{{table}}").Row(new { name = "row {{operation}}", amount = {{operation}} });""",
        3 => $"""        Execute.Sql("UPDATE {table} SET amount = amount + 1 WHERE id = {operation}");""",
        4 => $$"""        Update.Table("{{table}}").Set(new { amount = {{operation}} }).Where(new { id = {{operation}} });""",
        _ => $"""        Execute.Sql("COMMENT ON TABLE {table} IS 'operation {operation}'");""",
    };

    private static string Unsafe(int kind, string table, int operation, ISet<string> allowed)
    {
        switch (kind)
        {
            case 0:
                allowed.Add("PGM001");
                return $"""        Create.Index("ix_{table}_u{operation}").OnTable("{table}").OnColumn("amount").Ascending();""";
            case 1:
                allowed.Add("PGM009");
                return $"""        Alter.Column("name").OnTable("{table}").AsString(50).Nullable();""";
            case 2:
                allowed.Add("PGM014");
                allowed.Add("PGM108");
                return $$"""        Update.Table("{{table}}").Set(new { amount = 0 }).AllRows();""";
            case 3:
                allowed.Add("PGM001");
                return $"""        Execute.Sql("CREATE INDEX ix_{table}_raw{operation} ON {table} (created_at)");""";
            case 4:
                allowed.Add("PGM004");
                return $"""        Create.ForeignKey("fk_{table}_{operation}").FromTable("{table}").ForeignColumn("amount").ToTable("{table}").PrimaryColumn("id");""";
            default:
                allowed.Add("PGM031");
                return $"""        Rename.Column("name").OnTable("{table}").To("name");""";
        }
    }

    /// <summary>
    /// The project the benchmark builds. Two switches pick the configuration: <c>EnableNETAnalyzers</c> (off here, on in a
    /// default SDK project) and <c>BenchWithoutMigrationsAnalyzers</c>, which drops ours so the same build can be timed
    /// with and without them.
    /// </summary>
    private static string Project(string analyzerDirectory, string analyzerTargets) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
            <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
            <MigrationsPostgresVersion>15</MigrationsPostgresVersion>
            <EnableNETAnalyzers Condition="'$(EnableNETAnalyzers)' == ''">false</EnableNETAnalyzers>
          </PropertyGroup>
          <ItemGroup>
            <CompilerVisibleProperty Include="MigrationsPostgresVersion" />
            <CompilerVisibleProperty Include="MigrationsSafetyStartAfter" />
            <PackageReference Include="FluentMigrator" Version="8.0.1" />
            <PackageReference Include="FluentMigrator.Extensions.Postgres" Version="8.0.1" />
          </ItemGroup>
          <ItemGroup Condition="'$(BenchWithoutMigrationsAnalyzers)' != 'true'">
            <Analyzer Include="{analyzerDirectory}/Migrations.Analyzers.dll" />
            <Analyzer Include="{analyzerDirectory}/Migrations.Safety.dll" />
          </ItemGroup>
          <Import Project="{analyzerTargets}" Condition="'$(BenchWithoutMigrationsAnalyzers)' != 'true'" />
        </Project>
        """;

    private const string AllowUnsafe = """
        namespace Migrations;

        [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method, AllowMultiple = true)]
        public sealed class AllowUnsafeAttribute : System.Attribute
        {
            public AllowUnsafeAttribute(string ruleId) => RuleId = ruleId;

            public string RuleId { get; }

            public string? Reason { get; set; }
        }
        """;
}
