using System.Globalization;
using Alluxio.Grains.Exceptions;

namespace Alluxio.Grains.FileSystem.Sync;

/// <summary>Alluxio's sync-interval values: -1 (never re-sync), 0 (always), or a duration ("500", "10s", "5min", "1h").</summary>
public static class SyncIntervals
{
    /// <summary>The property that sets it per path (Alluxio's name).</summary>
    public const string PropertyName = "alluxio.user.file.metadata.sync.interval";

    /// <summary>Milliseconds, or -1.</summary>
    public static long Parse(string value)
    {
        var text = value.Trim().ToLowerInvariant();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var plain))
        {
            return plain >= -1 ? plain : throw Invalid(value);
        }

        var unitStart = text.TakeWhile(char.IsDigit).Count();
        if (unitStart == 0 || !long.TryParse(text[..unitStart], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            throw Invalid(value);
        }

        var factor = text[unitStart..].Trim() switch
        {
            "ms" or "millisecond" or "milliseconds" => 1L,
            "s" or "sec" or "second" or "seconds" => 1000L,
            "m" or "min" or "minute" or "minutes" => 60_000L,
            "h" or "hr" or "hour" or "hours" => 3_600_000L,
            "d" or "day" or "days" => 86_400_000L,
            _ => throw Invalid(value),
        };
        return checked(amount * factor);
    }

    private static InvalidArgumentException Invalid(string value) =>
        new($"'{value}' is not a sync interval: use -1, 0, milliseconds, or a duration like 10s, 5min, 1h.");
}
