using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Alluxio.Ufs.Local.Native;

/// <summary>
/// User and group names ↔ ids through libc's reentrant lookups (getpwuid_r and friends), so NSS sources (LDAP, sssd)
/// work as well as /etc/passwd and /etc/group. Found answers are cached for the life of the instance (ids are not
/// expected to be renamed under a running mount); misses are not cached, so a user added later is found. An id with
/// no name is shown as its number, and a numeric name with no entry is taken as an id, as <c>ls</c> and
/// <c>chown</c> do. Thread-safe.
/// </summary>
internal sealed unsafe class UnixIdentities
{
    private const int EntrySize = 128;  // struct passwd is 48 bytes and struct group 32 on 64-bit Linux; room to spare.
    private const int IdOffset = 16;    // pw_uid and gr_gid follow two pointers.
    private const int InitialBuffer = 1024;
    private const int MaxBuffer = 1 << 20;
    private readonly ConcurrentDictionary<uint, string> _userNames = new();
    private readonly ConcurrentDictionary<uint, string> _groupNames = new();
    private readonly ConcurrentDictionary<string, uint> _userIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, uint> _groupIds = new(StringComparer.Ordinal);

    internal string UserName(uint uid) => Name(uid, _userNames, &LibC.getpwuid_r);

    internal string GroupName(uint gid) => Name(gid, _groupNames, &LibC.getgrgid_r);

    /// <summary>The uid of <paramref name="name"/>, or null when there is no such user.</summary>
    internal uint? UserId(string name) => Id(name, _userIds, &LibC.getpwnam_r);

    /// <summary>The gid of <paramref name="name"/>, or null when there is no such group.</summary>
    internal uint? GroupId(string name) => Id(name, _groupIds, &LibC.getgrnam_r);

    private static string Name(
        uint id, ConcurrentDictionary<uint, string> cache, delegate*<uint, byte*, byte*, nuint, byte**, int> lookup)
    {
        if (cache.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var entry = stackalloc byte[EntrySize];
        for (var size = InitialBuffer; size <= MaxBuffer; size *= 4)
        {
            var buffer = new byte[size];
            fixed (byte* data = buffer)
            {
                byte* result = null;
                var error = lookup(id, entry, data, (nuint)size, &result);
                if (error == Errno.ERANGE)
                {
                    continue;
                }

                if (error != 0 || result == null)
                {
                    break;
                }

                var name = Marshal.PtrToStringUTF8(*(nint*)entry)!;
                cache[id] = name;
                return name;
            }
        }

        return id.ToString(CultureInfo.InvariantCulture);
    }

    private static uint? Id(
        string name, ConcurrentDictionary<string, uint> cache, delegate*<string, byte*, byte*, nuint, byte**, int> lookup)
    {
        if (cache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (name.Length > 0 && !name.Contains('\0', StringComparison.Ordinal))
        {
            var entry = stackalloc byte[EntrySize];
            for (var size = InitialBuffer; size <= MaxBuffer; size *= 4)
            {
                var buffer = new byte[size];
                fixed (byte* data = buffer)
                {
                    byte* result = null;
                    var error = lookup(name, entry, data, (nuint)size, &result);
                    if (error == Errno.ERANGE)
                    {
                        continue;
                    }

                    if (error != 0 || result == null)
                    {
                        break;
                    }

                    var id = *(uint*)(entry + IdOffset);
                    cache[name] = id;
                    return id;
                }
            }
        }

        return uint.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) && numeric != Posix.Unchanged
            ? numeric
            : null;
    }
}
