using System.Runtime.InteropServices;
using Alluxio.Ufs.Local.Native;

namespace Alluxio.Ufs.Local;

/// <summary>
/// Turns errno values and .NET I/O exceptions into the <see cref="UfsException"/> family, with messages that name
/// the operation, the mount-relative path and the mount root. Thread-safe (immutable).
/// </summary>
internal sealed class LocalErrors(Uri root)
{
    /// <summary>The exception for <paramref name="errno"/> from <paramref name="action"/> (e.g. "create directory") on <paramref name="path"/>.</summary>
    internal Exception FromErrno(int errno, string action, string path, Exception? inner = null)
    {
        var detail = $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
        var message = $"Cannot {action} '{path}' in {root}: {detail}.";
        return errno switch
        {
            Errno.ENOENT => new UfsNotFoundException(message, inner) { Path = path },
            Errno.EEXIST => new UfsAlreadyExistsException(message, inner) { Path = path },
            Errno.ENOTEMPTY => new UfsDirectoryNotEmptyException(message, inner) { Path = path },
            Errno.ENOTDIR => new UfsNotADirectoryException(message, inner) { Path = path },
            Errno.EISDIR => new UfsIsADirectoryException(message, inner) { Path = path },
            Errno.EACCES or Errno.EPERM => new UfsPermissionException(message, inner) { Path = path },
            Errno.EROFS => new UfsPermissionException($"Cannot {action} '{path}' in {root}: the file system is read-only.", inner) { Path = path },
            Errno.ENOSPC => new UfsException($"Cannot {action} '{path}' in {root}: no space left on the under file system.", inner) { Path = path },
            Errno.EDQUOT => new UfsException($"Cannot {action} '{path}' in {root}: no space left (disk quota exceeded).", inner) { Path = path },
            Errno.ENAMETOOLONG => new UfsPathException(path, $"a name or the whole path is too long for the file system under {root}", inner),
            Errno.EXDEV => new UfsException($"Cannot {action} '{path}' in {root}: source and destination are on different file systems.", inner) { Path = path },
            Errno.ESTALE or Errno.ENOTCONN or Errno.ETIMEDOUT or Errno.EHOSTDOWN or Errno.EHOSTUNREACH or Errno.ENODEV or Errno.ENXIO =>
                new UfsUnavailableException(message, inner) { Path = path },
            _ => new UfsException(message, inner) { Path = path },
        };
    }

    /// <summary>
    /// Translates an exception thrown by a .NET file API; exceptions of the UFS family, argument and cancellation
    /// exceptions pass through unchanged.
    /// </summary>
    internal Exception FromException(Exception exception, string action, string path) => exception switch
    {
        UfsException or ArgumentException or OperationCanceledException => exception,
        FileNotFoundException or DirectoryNotFoundException => FromErrno(Errno.ENOENT, action, path, exception),
        UnauthorizedAccessException => FromErrno(Errno.EACCES, action, path, exception),
        PathTooLongException => FromErrno(Errno.ENAMETOOLONG, action, path, exception),
        // On Unix, .NET puts the raw errno in HResult for errors it has no dedicated exception for.
        IOException { HResult: > 0 and < 4096 } io => FromErrno(io.HResult, action, path, exception),
        IOException => new UfsException($"Cannot {action} '{path}' in {root}: {exception.Message}", exception) { Path = path },
        _ => exception,
    };

    internal UfsNotFoundException NotFound(string action, string path, string? what = null) =>
        new($"Cannot {action} '{path}' in {root}: {what ?? "it does not exist"}.") { Path = path };

    internal UfsPermissionException Escapes(string action, string path, string through) =>
        new($"Cannot {action} '{path}' in {root}: '{through}' is a symbolic link that leads outside the mount root; refused.") { Path = path };
}
