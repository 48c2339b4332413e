using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Alluxio.Ufs.Local.Native;

/// <summary>Thin wrappers over <see cref="LibC"/>: each returns 0 or the errno, so callers branch without exceptions.</summary>
internal static unsafe class Posix
{
    /// <summary>The id that tells chown to leave the owner or group unchanged.</summary>
    internal const uint Unchanged = uint.MaxValue;

    /// <summary>statx of <paramref name="path"/>; <paramref name="follow"/> = stat, otherwise lstat.</summary>
    internal static int Stat(string path, bool follow, out FileStat stat)
    {
        var buffer = stackalloc byte[LibC.StatxSize];
        if (LibC.statx(LibC.AtFdCwd, path, follow ? 0 : LibC.AtSymlinkNoFollow, LibC.StatxBasicStats, buffer) != 0)
        {
            stat = default;
            return Marshal.GetLastPInvokeError();
        }

        stat = FileStat.Read(buffer);
        return 0;
    }

    /// <summary>The canonical path (every symlink, <c>.</c> and <c>..</c> resolved); every component must exist.</summary>
    internal static int RealPath(string path, out string real)
    {
        var resolved = LibC.realpath(path, 0);
        if (resolved == 0)
        {
            real = "";
            return Marshal.GetLastPInvokeError();
        }

        try
        {
            real = Marshal.PtrToStringUTF8(resolved)!;
            return 0;
        }
        finally
        {
            LibC.free(resolved);
        }
    }

    internal static int MakeDirectory(string path, int mode) => Check(LibC.mkdir(path, (uint)mode));

    internal static int RemoveDirectory(string path) => Check(LibC.rmdir(path));

    internal static int Unlink(string path) => Check(LibC.unlink(path));

    internal static int ChangeMode(string path, int mode) => Check(LibC.chmod(path, (uint)mode));

    internal static int ChangeMode(SafeFileHandle file, int mode) => Check(LibC.fchmod(file, (uint)mode));

    internal static int ChangeOwner(string path, uint uid, uint gid) => Check(LibC.lchown(path, uid, gid));

    internal static int ChangeOwner(SafeFileHandle file, uint uid, uint gid) => Check(LibC.fchown(file, uid, gid));

    /// <summary>
    /// rename(2); with <paramref name="noReplace"/>, atomically fails with EEXIST when <paramref name="to"/> exists
    /// (renameat2 RENAME_NOREPLACE). File systems without that flag fall back to check-then-rename, which is not
    /// atomic against other processes.
    /// </summary>
    internal static int Rename(string from, string to, bool noReplace)
    {
        if (!noReplace)
        {
            return Check(LibC.rename(from, to));
        }

        var error = Check(LibC.renameat2(LibC.AtFdCwd, from, LibC.AtFdCwd, to, LibC.RenameNoReplace));
        if (error is not (Errno.EINVAL or Errno.ENOSYS or Errno.EOPNOTSUPP))
        {
            return error;
        }

        // EINVAL is also "a directory into its own subtree"; plain rename reports that again.
        return Stat(to, follow: false, out _) == 0 ? Errno.EEXIST : Check(LibC.rename(from, to));
    }

    /// <summary>fsync of a directory, so entries created, renamed or removed in it survive a crash.</summary>
    internal static int SyncDirectory(string path)
    {
        var fd = LibC.open(path, LibC.ORdOnly | LibC.OCloExec);
        if (fd < 0)
        {
            return Marshal.GetLastPInvokeError();
        }

        try
        {
            int error;
            do
            {
                error = Check(LibC.fsync(fd));
            }
            while (error == Errno.EINTR);

            // Some file systems cannot sync directories; the data is as durable as they make it.
            return error is Errno.EINVAL or Errno.EOPNOTSUPP ? 0 : error;
        }
        finally
        {
            LibC.close(fd);
        }
    }

    private static int Check(int result) => result == 0 ? 0 : Marshal.GetLastPInvokeError();
}
