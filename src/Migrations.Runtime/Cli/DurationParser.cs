using System.Globalization;

namespace Migrations.Runtime.Cli;

/// <summary>Durations on the command line: "5s", "500ms", "2m", "1h", or plain seconds.</summary>
public static class DurationParser
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        text = text.Trim().ToLowerInvariant();
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : text.EndsWith('m') ? (text[..^1], 60_000.0)
            : text.EndsWith('h') ? (text[..^1], 3_600_000.0)
            : (text, 1000.0);
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            value = TimeSpan.FromMilliseconds(amount * unit);
            return true;
        }

        value = default;
        return false;
    }
}
