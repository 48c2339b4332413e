using Alluxio.Grains.Exceptions;
using Alluxio.Grains.Security;
using Alluxio.Protos.Meta;

namespace Alluxio.Grains.FileSystem.Security;

/// <summary>
/// POSIX permission checks (owner / group / other bits) with a superuser: the OS user the silo runs as, the
/// configured superusers, and members of the supergroup. A refused check throws <see cref="AccessControlException"/>
/// with Alluxio's message shape (user, access, path, the inode that failed, its owner, group and mode).
/// </summary>
public sealed class PermissionChecker(FileSystemMasterOptions options, IUserGroupResolver groups)
{
    private readonly string _processUser = Environment.UserName;

    /// <summary>The caller with its groups resolved on this host (the groups a client sends are not trusted).</summary>
    public CallerIdentity Resolve(CallerIdentity caller) =>
        caller with { Groups = groups.GetGroups(caller.User) };

    public bool IsSuperUser(CallerIdentity caller) =>
        !options.PermissionCheckEnabled
        || caller.User == _processUser
        || options.SuperUsers.Contains(caller.User)
        || caller.Groups.Contains(options.SuperGroup);

    /// <summary>Requires execute on every directory of <paramref name="ancestors"/> (to pass through them).</summary>
    public void CheckTraverse(IReadOnlyList<InodeRecord> ancestors, CallerIdentity caller, string path)
    {
        if (IsSuperUser(caller))
        {
            return;
        }

        foreach (var directory in ancestors)
        {
            if (!Has(directory, AccessBits.Execute, caller))
            {
                throw Denied(caller, AccessBits.Execute, path, directory);
            }
        }
    }

    /// <summary>Requires <paramref name="bits"/> on <paramref name="inode"/>.</summary>
    public void Check(InodeRecord inode, AccessBits bits, CallerIdentity caller, string path)
    {
        if (!IsSuperUser(caller) && !Has(inode, bits, caller))
        {
            throw Denied(caller, bits, path, inode);
        }
    }

    /// <summary>Only the owner (or a superuser) may do this, e.g. chmod.</summary>
    public void CheckOwner(InodeRecord inode, CallerIdentity caller, string path, string action)
    {
        if (!IsSuperUser(caller) && inode.Owner != caller.User)
        {
            throw new AccessControlException(
                $"Permission denied: user={caller.User} is not the owner of {path} (owner={inode.Owner}) and cannot {action}.");
        }
    }

    public void CheckSuperUser(CallerIdentity caller, string action)
    {
        if (!IsSuperUser(caller))
        {
            throw new AccessControlException($"Permission denied: only a superuser can {action} (user={caller.User}).");
        }
    }

    public bool Has(InodeRecord inode, AccessBits bits, CallerIdentity caller)
    {
        var mode = inode.Mode;
        int granted;
        if (inode.Owner == caller.User)
        {
            granted = (mode >> 6) & 7;
        }
        else if (caller.Groups.Contains(inode.Group))
        {
            granted = (mode >> 3) & 7;
        }
        else
        {
            granted = mode & 7;
        }

        return (granted & (int)bits) == (int)bits;
    }

    private static AccessControlException Denied(CallerIdentity caller, AccessBits bits, string path, InodeRecord inode) =>
        new($"Permission denied: user={caller.User}, access={Format(bits)}, path={path}: failed at {(inode.Name.Length == 0 ? "/" : inode.Name)}, inode owner={inode.Owner}, inode group={inode.Group}, inode mode={FormatMode(inode.Mode)}");

    public static string Format(AccessBits bits) =>
        $"{((bits & AccessBits.Read) != 0 ? 'r' : '-')}{((bits & AccessBits.Write) != 0 ? 'w' : '-')}{((bits & AccessBits.Execute) != 0 ? 'x' : '-')}";

    public static string FormatMode(int mode) =>
        Format((AccessBits)((mode >> 6) & 7)) + Format((AccessBits)((mode >> 3) & 7)) + Format((AccessBits)(mode & 7));
}
