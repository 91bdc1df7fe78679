namespace Migrations.Runtime.Schema;

/// <summary>One object that differs between an expected and an actual schema, with both definitions.</summary>
public sealed record SchemaDifference(SchemaDifferenceKind Kind, string Object, string? Expected, string? Actual)
{
    public static IReadOnlyList<SchemaDifference> Between(SchemaSnapshot expected, SchemaSnapshot actual)
    {
        var differences = new List<SchemaDifference>();
        foreach (var (key, definition) in expected.Objects)
        {
            if (!actual.Objects.TryGetValue(key, out var other))
            {
                differences.Add(new SchemaDifference(SchemaDifferenceKind.Missing, key, definition, null));
            }
            else if (other != definition)
            {
                differences.Add(new SchemaDifference(SchemaDifferenceKind.Changed, key, definition, other));
            }
        }

        differences.AddRange(actual.Objects.Where(pair => !expected.Objects.ContainsKey(pair.Key))
            .Select(pair => new SchemaDifference(SchemaDifferenceKind.Extra, pair.Key, null, pair.Value)));
        return differences.OrderBy(difference => difference.Object, StringComparer.Ordinal).ToList();
    }

    /// <summary>"missing column public.users.phone (text null)" — one line for reports.</summary>
    public override string ToString() => Kind switch
    {
        SchemaDifferenceKind.Missing => $"missing {Object}: expected {Expected}",
        SchemaDifferenceKind.Extra => $"extra {Object}: {Actual}",
        _ => $"changed {Object}: expected {Expected}, found {Actual}",
    };
}
