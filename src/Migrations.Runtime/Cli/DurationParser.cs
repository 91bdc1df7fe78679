using System.Globalization;
using System.Text.RegularExpressions;

namespace Migrations.Runtime.Cli;

/// <summary>
/// Durations on the command line: "5s", "500ms", "2m", "1h", "1h30m", plain seconds, or "00:02:00" (the form --help
/// prints defaults in). At most a day: PostgreSQL's timeouts stop at about 24 days, and nothing here should wait longer.
/// </summary>
public static partial class DurationParser
{
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(24);

    public static bool TryParse(string text, out TimeSpan value)
    {
        text = text.Trim().ToLowerInvariant();
        value = default;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero && value <= Maximum;
        }

        var parts = Part().Matches(text);
        if (text.Length == 0 || parts.Sum(part => part.Length) != text.Length)
        {
            return false;
        }

        double milliseconds = 0;
        foreach (Match part in parts)
        {
            var amount = double.Parse(part.Groups["amount"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            milliseconds += amount * part.Groups["unit"].Value switch
            {
                "ms" => 1.0,
                "m" => 60_000.0,
                "h" => 3_600_000.0,
                _ => 1000.0,
            };
        }

        if (milliseconds > Maximum.TotalMilliseconds)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }

    [GeneratedRegex(@"(?<amount>\d+(\.\d+)?)(?<unit>ms|s|m|h)?")]
    private static partial Regex Part();
}
