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

    /// <summary>"missing column public.users.phone: expected text null" — one line for reports (see <see cref="Excerpts"/>).</summary>
    public override string ToString()
    {
        var (expected, actual) = Excerpts();
        return Kind switch
        {
            SchemaDifferenceKind.Missing => $"missing {Object}: expected {expected}",
            SchemaDifferenceKind.Extra => $"extra {Object}: {actual}",
            _ => $"changed {Object}: expected {expected}, found {actual}",
        };
    }

    /// <summary>
    /// Both definitions cut to one line each. Most are one line already; a function's is its whole source, so a change
    /// shows the first line that differs ("line 3: RETURN 2;") and a missing or extra one its first line and length.
    /// --json carries the definitions whole.
    /// </summary>
    public (string? Expected, string? Actual) Excerpts()
    {
        var expectedLines = Expected?.Split('\n');
        var actualLines = Actual?.Split('\n');
        if ((expectedLines?.Length ?? 1) == 1 && (actualLines?.Length ?? 1) == 1)
        {
            return (Expected, Actual);
        }

        if (expectedLines is null || actualLines is null)
        {
            return (Opening(expectedLines), Opening(actualLines));
        }

        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        string At(string[] lines) => $"line {line + 1}: " + (line < lines.Length ? lines[line].Trim() : "(end)");
        return (At(expectedLines), At(actualLines));
    }

    private static string? Opening(string[]? lines) =>
        lines is null ? null : lines.Length == 1 ? lines[0] : $"{lines[0].TrimEnd()} … ({lines.Length} lines)";
}
