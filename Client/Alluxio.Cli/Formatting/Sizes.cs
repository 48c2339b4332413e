using System.Globalization;

namespace Alluxio.Cli.Formatting;

/// <summary>Byte counts as Alluxio prints them with -h (FormatUtils.getSizeFromBytes).</summary>
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
}
