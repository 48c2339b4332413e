using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Alluxio.Ufs.Local.Native;

/// <summary>
/// The libc calls .NET does not expose. Only layouts that are the same on every 64-bit Linux are used: statx has a
/// fixed kernel layout, and only the leading fields of passwd/group (name pointer, then id at offset 16) are read.
/// Functions returning -1 set errno (read with <see cref="Marshal.GetLastPInvokeError"/>); the *_r lookups return
/// the error number instead.
/// </summary>
internal static unsafe partial class LibC
{
    internal const string Library = "libc";
    internal const int AtFdCwd = -100;
    internal const int AtSymlinkNoFollow = 0x100;
    internal const uint StatxBasicStats = 0x7ff;
    internal const uint RenameNoReplace = 1;
    internal const int ORdOnly = 0;
    internal const int OCloExec = 0x80000;

    /// <summary>Size of <c>struct statx</c>.</summary>
    internal const int StatxSize = 256;

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int statx(int dirfd, string pathname, int flags, uint mask, byte* buffer);

    /// <summary>Returns a malloc'd canonical path (free with <see cref="free"/>), or 0 and errno.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial nint realpath(string path, nint resolved);

    [LibraryImport(Library)]
    internal static partial void free(nint pointer);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int mkdir(string path, uint mode);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int rmdir(string path);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int unlink(string path);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int rename(string oldPath, string newPath);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int renameat2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int chmod(string path, uint mode);

    /// <summary>SYNC_FILE_RANGE_WRITE: start writeback of the range's dirty pages, do not wait.</summary>
    internal const uint SyncFileRangeWrite = 2;

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int sync_file_range(SafeFileHandle fd, long offset, long nbytes, uint flags);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int fchmod(SafeFileHandle fd, uint mode);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int lchown(string path, uint owner, uint group);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int fchown(SafeFileHandle fd, uint owner, uint group);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int open(string path, int flags);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int fsync(int fd);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport(Library)]
    internal static partial int getpwuid_r(uint uid, byte* passwd, byte* buffer, nuint length, byte** result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int getpwnam_r(string name, byte* passwd, byte* buffer, nuint length, byte** result);

    [LibraryImport(Library)]
    internal static partial int getgrgid_r(uint gid, byte* group, byte* buffer, nuint length, byte** result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int getgrnam_r(string name, byte* group, byte* buffer, nuint length, byte** result);
}
