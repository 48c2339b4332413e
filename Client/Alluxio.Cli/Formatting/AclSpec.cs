using System.Globalization;

namespace Alluxio.Cli.Formatting;

/// <summary>
/// The base entries of a POSIX ACL as <c>setfacl</c> takes them (<c>user::rwx,group::r-x,other::---</c>), each one
/// the owner, group or other bits of the mode; an entry not given leaves its bits as they are. Alluxio.Orleans keeps
/// mode bits only, so named users and groups, the mask and default entries are refused with a reason.
/// </summary>
/// <param name="User">The owner's bits (0-7), or null to keep them.</param>
/// <param name="Group">The group's bits, or null to keep them.</param>
/// <param name="Other">The others' bits, or null to keep them.</param>
public sealed record AclSpec(int? User, int? Group, int? Other)
{
    /// <summary>Whether all three entries are given (what <c>setfacl --set</c> needs).</summary>
    public bool Complete => User is not null && Group is not null && Other is not null;

    /// <summary>The mode with the given entries' bits replaced; setuid, setgid and sticky bits are kept.</summary>
    public int Apply(int mode)
    {
        if (User is { } user)
        {
            mode = (mode & ~0x1C0) | (user << 6);
        }

        if (Group is { } group)
        {
            mode = (mode & ~0x38) | (group << 3);
        }

        if (Other is { } other)
        {
            mode = (mode & ~0x7) | other;
        }

        return mode;
    }

    /// <summary>
    /// Parses comma-separated entries <c>user::PERM</c>, <c>group::PERM</c>, <c>other::PERM</c> (also <c>u::</c>,
    /// <c>g::</c>, <c>o::</c>, and <c>other:PERM</c>), PERM as <c>rwx</c> letters with '-' for a missing one, or an
    /// octal digit. An entry given twice keeps the last.
    /// </summary>
    public static bool TryParse(string? text, out AclSpec spec, out string error)
    {
        spec = new AclSpec(null, null, null);
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The ACL spec is empty; expected entries such as user::rwx,group::r-x,other::---.";
            return false;
        }

        foreach (var entry in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(':');
            if (parts.Length > 0 && parts[0] is "default" or "d")
            {
                error = $"Default ACL entries are not supported ('{entry}'): Alluxio.Orleans keeps POSIX mode bits only.";
                return false;
            }

            if (parts.Length == 2 && parts[0] is "other" or "o")
            {
                parts = [parts[0], string.Empty, parts[1]];
            }

            if (parts.Length != 3)
            {
                error = $"Malformed ACL entry '{entry}': expected TYPE::PERM such as user::rwx.";
                return false;
            }

            var (type, name, permission) = (parts[0], parts[1], parts[2]);
            if (type is "mask" or "m")
            {
                error = $"The ACL mask is not supported ('{entry}'): Alluxio.Orleans keeps POSIX mode bits only.";
                return false;
            }

            if (type is not ("user" or "u" or "group" or "g" or "other" or "o"))
            {
                error = $"Unknown ACL entry type in '{entry}': expected user, group or other.";
                return false;
            }

            if (name.Length > 0)
            {
                error = $"ACL entries for named users or groups are not supported ('{entry}'): Alluxio.Orleans keeps POSIX mode bits only (user::, group::, other::).";
                return false;
            }

            if (!TryParsePermission(permission, out var bits))
            {
                error = $"Malformed permission in ACL entry '{entry}': expected letters of rwx (with - for a missing one) or an octal digit.";
                return false;
            }

            spec = type[0] switch
            {
                'u' => spec with { User = bits },
                'g' => spec with { Group = bits },
                _ => spec with { Other = bits },
            };
        }

        return true;
    }

    /// <summary>The rwx form of three permission bits ("r-x").</summary>
    public static string Format(int bits) =>
        string.Create(CultureInfo.InvariantCulture, $"{((bits & 4) != 0 ? 'r' : '-')}{((bits & 2) != 0 ? 'w' : '-')}{((bits & 1) != 0 ? 'x' : '-')}");

    private static bool TryParsePermission(string text, out int bits)
    {
        bits = 0;
        if (text.Length == 1 && text[0] is >= '0' and <= '7')
        {
            bits = text[0] - '0';
            return true;
        }

        if (text.Length is 0 or > 3)
        {
            return false;
        }

        foreach (var c in text)
        {
            var bit = c switch
            {
                'r' => 4,
                'w' => 2,
                'x' => 1,
                '-' => 0,
                _ => -1,
            };
            if (bit < 0 || (bit != 0 && (bits & bit) != 0))
            {
                return false;
            }

            bits |= bit;
        }

        return true;
    }
}
