using System.Globalization;

namespace Alluxio.Grpc.Protocol;

/// <summary>The <c>grpc-timeout</c> header: 1 to 8 ASCII digits and a unit (H M S m u n).</summary>
public static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    /// <summary>
    /// Encodes a positive timeout: the coarsest unit that states it exactly, else the finest unit that fits in 8
    /// digits, rounded up. Non-positive timeouts encode as <c>1n</c> (already expired).
    /// </summary>
    public static string Encode(TimeSpan timeout)
    {
        var ticks = timeout.Ticks;
        if (ticks <= 0)
            return "1n";

        // (unit, ticks per unit) from coarse to fine; 'n' is special (a tick is 100 ns).
        ReadOnlySpan<char> units = ['H', 'M', 'S', 'm', 'u'];
        ReadOnlySpan<long> ticksPer = [TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMillisecond, 10];
        for (var i = 0; i < units.Length; i++)
        {
            if (ticks % ticksPer[i] == 0 && ticks / ticksPer[i] <= MaxValue)
                return Format(ticks / ticksPer[i], units[i]);
        }

        if (ticks <= MaxValue / 100)
            return Format(ticks * 100, 'n');
        for (var i = units.Length - 1; i >= 0; i--)
        {
            var value = (ticks / ticksPer[i]) + (ticks % ticksPer[i] == 0 ? 0 : 1);
            if (value <= MaxValue)
                return Format(value, units[i]);
        }

        return Format(MaxValue, 'H');
    }

    /// <summary>Parses a header value; false (and no deadline should be applied) when it is malformed.</summary>
    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length < 2 || value.Length > 9)
            return false;
        var digits = value.AsSpan(0, value.Length - 1);
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return false;
        double ticks = value[^1] switch
        {
            'H' => n * (double)TimeSpan.TicksPerHour,
            'M' => n * (double)TimeSpan.TicksPerMinute,
            'S' => n * (double)TimeSpan.TicksPerSecond,
            'm' => n * (double)TimeSpan.TicksPerMillisecond,
            'u' => n * 10.0,
            'n' => Math.Ceiling(n / 100.0),
            _ => double.NaN,
        };
        if (double.IsNaN(ticks))
            return false;
        timeout = ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
        return true;
    }

    private static string Format(long value, char unit) => value.ToString(CultureInfo.InvariantCulture) + unit;
}
