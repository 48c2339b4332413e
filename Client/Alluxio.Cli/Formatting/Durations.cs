using System.Globalization;

namespace Alluxio.Cli.Formatting;

/// <summary>Durations as Alluxio reads them in flags (FormatUtils.parseTimeSize): setTtl's TIME, persist's --timeout.</summary>
public static class Durations
{
    /// <summary>
    /// Parses a non-negative duration: a number (a fraction allowed) in milliseconds, or with a unit ms, s/sec, m/min,
    /// h/hr/hour, d/day (case-insensitive, plural forms and a space before the unit allowed), e.g. "10000", "10s", "5m", "2h", "1d".
    /// </summary>
    public static bool TryParseMilliseconds(string? text, out long milliseconds)
    {
        milliseconds = 0;
        var trimmed = text?.Trim() ?? string.Empty;
        var unitStart = trimmed.Length;
        while (unitStart > 0 && char.IsAsciiLetter(trimmed[unitStart - 1]))
        {
            unitStart--;
        }

        var number = trimmed[..unitStart].TrimEnd();
        if (number.Length == 0 || !number.All(c => char.IsAsciiDigit(c) || c == '.')
            || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        double unit = trimmed[unitStart..].ToLowerInvariant() switch
        {
            "" or "ms" or "millisecond" or "milliseconds" => 1,
            "s" or "sec" or "secs" or "second" or "seconds" => 1_000,
            "m" or "min" or "mins" or "minute" or "minutes" => 60_000,
            "h" or "hr" or "hrs" or "hour" or "hours" => 3_600_000,
            "d" or "day" or "days" => 86_400_000,
            _ => -1,
        };
        var scaled = value * unit;
        if (unit < 0 || double.IsNaN(scaled) || scaled >= long.MaxValue)
        {
            return false;
        }

        milliseconds = (long)scaled;
        return true;
    }
}
