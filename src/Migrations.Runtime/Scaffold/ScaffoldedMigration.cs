using Migrations.Runtime.Schema.Catalog;

namespace Migrations.Runtime.Scaffold;

/// <summary>A migration written from a catalog: its source and what it recreates.</summary>
internal sealed record ScaffoldedMigration(string Source, IReadOnlyDictionary<string, int> Counts, int FluentStatements, int SqlStatements, IReadOnlyList<string> Warnings)
{
    public static ScaffoldedMigration Write(DatabaseCatalog catalog, IReadOnlySet<string> schemas, string @namespace, string className, long version, string description, string header, IReadOnlyList<long>? squashes = null)
    {
        var (steps, plan) = ScaffoldPlan.Build(catalog, schemas);
        var source = MigrationClassWriter.Write(@namespace, className, version, description, header, steps, plan.HasRoutines, squashes);
        return new ScaffoldedMigration(source, plan.Counts, steps.Sum(step => step.FluentStatements), steps.Sum(step => step.SqlStatements), plan.Warnings);
    }

    /// <summary>"12 tables, 3 views, 40 indexes" — in a fixed order, the kinds the migration recreates.</summary>
    public string Summary => Counts.Count == 0 ? "nothing" : string.Join(", ", Counts.Select(pair => $"{pair.Value} {(pair.Value == 1 ? Singular(pair.Key) : pair.Key)}"));

    private static string Singular(string kind) => kind switch
    {
        "indexes" => "index",
        "policies" => "policy",
        "foreign keys" => "foreign key",
        _ => kind.TrimEnd('s'),
    };
}
