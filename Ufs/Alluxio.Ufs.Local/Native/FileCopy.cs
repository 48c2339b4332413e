using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Alluxio.Ufs.Local.Native;

/// <summary>
/// Copies a range of one open regular file into another inside the kernel, without bringing the bytes into user
/// memory: <c>copy_file_range</c> when both are on one file system (which may share extents instead of copying),
/// else <c>sendfile</c> (page cache to page cache, any two regular files, e.g. an ext4 UFS file into a tmpfs block).
/// Where neither works (Windows, macOS, an old kernel, a file system that refuses) it falls back to positioned reads
/// and writes through a pooled buffer, so callers need no second path. Offsets are explicit on both sides; the
/// destination handle's file offset is moved (sendfile writes at it), which .NET's positioned I/O never uses.
/// Errors are <see cref="IOException"/>s whose <see cref="Exception.HResult"/> is the errno (28 = no space), as .NET's own.
/// </summary>
internal static partial class FileCopy
{
    private const int Exdev = 18;
    private const int Einval = 22;
    private const int Enosys = 38;
    private const int Eopnotsupp = 95;
    private const int Eintr = 4;
    private const int SeekSet = 0;
    private const int MaxPiece = 1 << 30;

    /// <summary>Which mechanism moved the bytes of the last call on this thread (for tests and benchmarks).</summary>
    [ThreadStatic]
    private static FileCopyMethod _lastMethod;

    /// <summary>The mechanism the last <see cref="Copy"/> on this thread used.</summary>
    public static FileCopyMethod LastMethod => _lastMethod;

    /// <summary>
    /// Copies up to <paramref name="count"/> bytes from <paramref name="source"/> at <paramref name="sourceOffset"/> to
    /// <paramref name="destination"/> at <paramref name="destinationOffset"/>; returns the bytes copied, fewer only when
    /// the source ends first.
    /// </summary>
    public static long Copy(SafeFileHandle source, long sourceOffset, SafeFileHandle destination, long destinationOffset, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceOffset);
        ArgumentOutOfRangeException.ThrowIfNegative(destinationOffset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        long done = 0;
        var finished = false;
        var method = FileCopyMethod.None;
        if (OperatingSystem.IsLinux())
        {
            done = CopyFileRange(source, sourceOffset, destination, destinationOffset, count, out finished);
            method = done > 0 ? FileCopyMethod.CopyFileRange : method;
            if (!finished)
            {
                var sent = SendFile(source, sourceOffset + done, destination, destinationOffset + done, count - done, out finished);
                method = sent > 0 ? FileCopyMethod.SendFile : method;
                done += sent;
            }
        }

        if (!finished)
        {
            var copied = CopyBuffered(source, sourceOffset + done, destination, destinationOffset + done, count - done);
            method = copied > 0 ? FileCopyMethod.Buffered : method;
            done += copied;
        }

        _lastMethod = method;
        return done;
    }

    /// <summary>copy_file_range until done or the source ends; <paramref name="finished"/> false = not supported here, continue otherwise.</summary>
    private static long CopyFileRange(SafeFileHandle source, long sourceOffset, SafeFileHandle destination, long destinationOffset, long count, out bool finished)
    {
        long done = 0;
        while (done < count)
        {
            long input = sourceOffset + done;
            long output = destinationOffset + done;
            var n = copy_file_range(source, ref input, destination, ref output, (nuint)Math.Min(count - done, MaxPiece), 0);
            if (n > 0)
            {
                done += n;
                continue;
            }

            if (n == 0)
            {
                finished = true; // the source ended
                return done;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == Eintr)
            {
                continue;
            }

            if (errno is Exdev or Einval or Enosys or Eopnotsupp)
            {
                finished = false; // across file systems or not supported by one: try sendfile
                return done;
            }

            throw Failure("copy_file_range", errno);
        }

        finished = true;
        return done;
    }

    /// <summary>sendfile until done or the source ends; <paramref name="finished"/> false = not supported here.</summary>
    private static long SendFile(SafeFileHandle source, long sourceOffset, SafeFileHandle destination, long destinationOffset, long count, out bool finished)
    {
        finished = false;
        if (count == 0)
        {
            finished = true;
            return 0;
        }

        if (lseek(destination, destinationOffset, SeekSet) < 0)
        {
            return 0; // not seekable: copy through user memory
        }

        long done = 0;
        while (done < count)
        {
            long input = sourceOffset + done;
            var n = sendfile(destination, source, ref input, (nuint)Math.Min(count - done, MaxPiece));
            if (n > 0)
            {
                done += n;
                continue;
            }

            if (n == 0)
            {
                break; // the source ended
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == Eintr)
            {
                continue;
            }

            if (done == 0 && errno is Einval or Enosys or Eopnotsupp)
            {
                return 0;
            }

            throw Failure("sendfile", errno);
        }

        finished = true;
        return done;
    }

    private static long CopyBuffered(SafeFileHandle source, long sourceOffset, SafeFileHandle destination, long destinationOffset, long count)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Clamp(count, 1, 1 << 20));
        try
        {
            long done = 0;
            while (done < count)
            {
                var read = RandomAccess.Read(source, buffer.AsSpan(0, (int)Math.Min(buffer.Length, count - done)), sourceOffset + done);
                if (read == 0)
                {
                    break;
                }

                RandomAccess.Write(destination, buffer.AsSpan(0, read), destinationOffset + done);
                done += read;
            }

            return done;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IOException Failure(string call, int errno) =>
        new($"{call} failed: {Marshal.GetPInvokeErrorMessage(errno)}", errno);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint copy_file_range(SafeFileHandle fdIn, ref long offIn, SafeFileHandle fdOut, ref long offOut, nuint len, uint flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint sendfile(SafeFileHandle outFd, SafeFileHandle inFd, ref long offset, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial long lseek(SafeFileHandle fd, long offset, int whence);
}
