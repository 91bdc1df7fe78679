using System.Globalization;
using System.Text.RegularExpressions;

namespace Migrations.Runtime.Cli;

/// <summary>Sizes on the command line: "64MB", "1GB", "512kB", or plain bytes (units of 1024).</summary>
public static partial class ByteSizeParser
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var match = Size().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var unit = match.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "" or "B" => 1L,
            "KB" => 1L << 10,
            "MB" => 1L << 20,
            "GB" => 1L << 30,
            _ => 1L << 40,
        };
        bytes = (long)(number * unit);
        return bytes > 0;
    }

    [GeneratedRegex(@"^(?<number>\d+(?:\.\d+)?)\s*(?<unit>[kKmMgGtT]?[bB])?$")]
    private static partial Regex Size();
}
