namespace Alluxio.Ufs;

/// <summary>
/// POSIX permission bits as used by <see cref="UfsStatus.Mode"/> and the create/set-mode calls: the low 12 bits
/// (setuid, setgid, sticky, then rwx for owner, group, others), never file-type bits. Defaults follow Alluxio's
/// (umask 022 applied to 666 and 777).
/// </summary>
public static class UfsModes
{
    /// <summary>Every bit a mode may carry (octal 7777).</summary>
    public const int Mask = 0xFFF;

    /// <summary>The default mode of a new file (octal 644).</summary>
    public const int DefaultFile = 0x1A4;

    /// <summary>The default mode of a new directory (octal 755).</summary>
    public const int DefaultDirectory = 0x1ED;

    /// <summary>Parses an octal string such as <c>"755"</c> or <c>"0644"</c>.</summary>
    /// <exception cref="FormatException">Not an octal number within <see cref="Mask"/>.</exception>
    public static int ParseOctal(string octal)
    {
        ArgumentNullException.ThrowIfNull(octal);
        if (octal.Length is 0 or > 5 || !octal.All(c => c is >= '0' and <= '7'))
        {
            throw new FormatException($"'{octal}' is not an octal permission mode.");
        }

        var mode = Convert.ToInt32(octal, 8);
        return mode <= Mask ? mode : throw new FormatException($"'{octal}' is larger than 7777.");
    }

    /// <summary>Formats <paramref name="mode"/> as four octal digits, e.g. <c>0644</c>.</summary>
    public static string ToOctal(int mode) =>
        Convert.ToString(mode & Mask, 8).PadLeft(4, '0');

    /// <summary>Throws unless <paramref name="mode"/> holds only permission bits.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The mode is negative or has bits above <see cref="Mask"/>.</exception>
    public static void Validate(int mode, string? paramName = null)
    {
        if ((mode & ~Mask) != 0)
        {
            throw new ArgumentOutOfRangeException(paramName ?? nameof(mode), mode, "A mode holds only the permission bits 0..07777.");
        }
    }
}
