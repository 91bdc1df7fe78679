using System.Globalization;

namespace Migrations.Runtime.Output;

/// <summary>Durations as progress lines show them: 850ms, 12.3s, 4m05s, 1h02m.</summary>
public static class Durations
{
    public static string Short(TimeSpan value) => value switch
    {
        { TotalMilliseconds: < 950 } => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0}ms"),
        { TotalSeconds: < 60 } => string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.0}s"),
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalMinutes}m{value.Seconds:00}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours}h{value.Minutes:00}m"),
    };
}
