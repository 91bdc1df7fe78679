using System;
using System.Globalization;

namespace Migrations.Safety;

/// <summary>
/// Whether a migration version is timestamp-shaped, so two branches written on different days cannot pick the same
/// one (PGM101). Projects stamp versions in several ways and all of them do that: yyyyMMddHHmm(ss), a date followed by
/// a counter or a fixed suffix (2018010101, 20180101120099, yyyyMMddHHmmssfff), Unix time in seconds or milliseconds,
/// and DateTime ticks. Sequential numbers (1, 2, 3 … or 1000, 1001) are not.
/// </summary>
public static class MigrationVersion
{
    private static readonly DateTime Earliest = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Latest = new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static bool IsTimestamp(long version)
    {
        if (version <= 0)
        {
            return false;
        }

        var text = version.ToString(CultureInfo.InvariantCulture);
        return StartsWithDate(text) || IsUnixTime(version, text.Length) || IsTicks(version, text.Length);
    }

    /// <summary>yyyyMMdd and at least one more digit (a time, a counter or a suffix).</summary>
    private static bool StartsWithDate(string text) =>
        text.Length >= 9 && text.Length <= 17
        && DateTime.TryParseExact(text.Substring(0, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
        && date >= Earliest && date < Latest;

    private static bool IsUnixTime(long version, int digits) =>
        (digits == 10 && InRange(DateTimeOffset.FromUnixTimeSeconds(version).UtcDateTime))
        || (digits == 13 && InRange(DateTimeOffset.FromUnixTimeMilliseconds(version).UtcDateTime));

    private static bool IsTicks(long version, int digits) =>
        digits == 18 && version < DateTime.MaxValue.Ticks && InRange(new DateTime(version, DateTimeKind.Utc));

    private static bool InRange(DateTime moment) => moment >= Earliest && moment < Latest;
}
