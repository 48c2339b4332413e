using System.Globalization;

namespace Alluxio.Cli.Formatting;

/// <summary>Dates as Alluxio prints them.</summary>
public static class Timestamps
{
    /// <summary>The ls date (alluxio.user.date.format.pattern = MM-dd-yyyy HH:mm:ss:SSS) in the given time zone.</summary>
    public static string Ls(long epochMs, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(epochMs), zone).ToString("MM-dd-yyyy HH:mm:ss:fff", CultureInfo.InvariantCulture);

    /// <summary>stat's %y: yyyy-MM-dd HH:mm:ss in UTC.</summary>
    public static string StatUtc(long epochMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>An ISO-8601 UTC time for admin output.</summary>
    public static string Iso(long epochMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A duration as "1d 2h 3m 4s" (leading zero units dropped).</summary>
    public static string Duration(long milliseconds)
    {
        var span = TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add($"{span.Days}d");
        }

        if (parts.Count > 0 || span.Hours > 0)
        {
            parts.Add($"{span.Hours}h");
        }

        if (parts.Count > 0 || span.Minutes > 0)
        {
            parts.Add($"{span.Minutes}m");
        }

        parts.Add($"{span.Seconds}s");
        return string.Join(' ', parts);
    }
}
