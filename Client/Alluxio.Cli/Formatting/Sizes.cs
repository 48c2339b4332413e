using System.Globalization;

namespace Alluxio.Cli.Formatting;

/// <summary>
/// Byte counts as Alluxio prints them with -h (FormatUtils.getSizeFromBytes) and reads them in flags and properties
/// (FormatUtils.parseSpaceSize: "1024", "1KB", "64mb", "1.5GB").
/// </summary>
public static class Sizes
{
    private static readonly string[] Units = ["KB", "MB", "GB", "TB", "PB"];

    /// <summary>
    /// Up to 5 KiB as bytes ("5120B"), then the largest unit that keeps the value at most 5 × 1024, two decimals
    /// ("1.50MB"); PB is the last unit.
    /// </summary>
    public static string Human(long bytes)
    {
        if (bytes <= 1024 * 5)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + "B";
        }

        double value = bytes;
        for (var i = 0; i < Units.Length; i++)
        {
            value /= 1024;
            if (value <= 1024 * 5 || i == Units.Length - 1)
            {
                return value.ToString("F2", CultureInfo.InvariantCulture) + Units[i];
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Human when asked, else the plain number.</summary>
    public static string Format(long bytes, bool human) => human ? Human(bytes) : bytes.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses a size as Alluxio does: a non-negative number, optionally with a fraction, then an optional unit B, K/KB,
    /// M/MB, G/GB, T/TB or P/PB (case-insensitive, powers of 1024, a space allowed between). No unit means bytes.
    /// </summary>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
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

        var shift = trimmed[unitStart..].ToUpperInvariant() switch
        {
            "" or "B" => 0,
            "K" or "KB" => 10,
            "M" or "MB" => 20,
            "G" or "GB" => 30,
            "T" or "TB" => 40,
            "P" or "PB" => 50,
            _ => -1,
        };
        var scaled = value * Math.Pow(2, shift);
        if (shift < 0 || double.IsNaN(scaled) || scaled >= long.MaxValue)
        {
            return false;
        }

        bytes = (long)scaled;
        return true;
    }
}
