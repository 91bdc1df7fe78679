namespace Migrations.Runtime.Schema;

/// <summary>How drift and baseline show schema differences: one object per line, then both definitions cut to one line.</summary>
public static class DifferenceReport
{
    public static void Write(TextWriter output, IReadOnlyList<SchemaDifference> differences)
    {
        foreach (var difference in differences)
        {
            output.WriteLine($"  {difference.Kind.ToString().ToLowerInvariant(),-8} {difference.Object}");
            var (expected, actual) = difference.Excerpts();
            if (expected is not null)
            {
                output.WriteLine($"           migrations: {expected}");
            }

            if (actual is not null)
            {
                output.WriteLine($"           database:   {actual}");
            }
        }
    }

    /// <summary>The differences for --json, with whole definitions.</summary>
    public static IEnumerable<object> Json(IReadOnlyList<SchemaDifference> differences) =>
        differences.Select(difference => new { kind = difference.Kind, @object = difference.Object, expected = difference.Expected, actual = difference.Actual });
}
