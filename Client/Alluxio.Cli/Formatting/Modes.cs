namespace Alluxio.Cli.Formatting;

/// <summary>POSIX permission modes: the ls string (drwxr-xr-x) and the octal form chmod takes.</summary>
public static class Modes
{
    /// <summary>"d" or "-" then the owner, group and other bits, with setuid/setgid/sticky shown as ls shows them.</summary>
    public static string ToPermissionString(int mode, bool folder)
    {
        Span<char> text = stackalloc char[10];
        text[0] = folder ? 'd' : '-';
        Triplet(text[1..4], mode >> 6, special: (mode & 0x800) != 0, specialChar: 's');
        Triplet(text[4..7], mode >> 3, special: (mode & 0x400) != 0, specialChar: 's');
        Triplet(text[7..10], mode, special: (mode & 0x200) != 0, specialChar: 't');
        return new string(text);
    }

    /// <summary>Parses an octal mode of 1 to 4 digits ("755", "0644", "1777").</summary>
    public static bool TryParseOctal(string? text, out int mode)
    {
        mode = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 4 || !text.All(c => c is >= '0' and <= '7'))
        {
            return false;
        }

        mode = Convert.ToInt32(text, 8);
        return true;
    }

    /// <summary>The octal form of a mode ("755"; four digits when a special bit is set).</summary>
    public static string ToOctal(int mode) => Convert.ToString(mode & 0xFFF, 8).PadLeft(3, '0');

    private static void Triplet(Span<char> target, int bits, bool special, char specialChar)
    {
        target[0] = (bits & 4) != 0 ? 'r' : '-';
        target[1] = (bits & 2) != 0 ? 'w' : '-';
        var execute = (bits & 1) != 0;
        target[2] = special ? (execute ? specialChar : char.ToUpperInvariant(specialChar)) : (execute ? 'x' : '-');
    }
}
