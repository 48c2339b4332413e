using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Alluxio.RocksDb.Native;

namespace Alluxio.RocksDb;

/// <summary>
/// An error reported by RocksDB. <see cref="Exception.Message"/> is RocksDB's own status text (for example
/// <c>"IO error: While lock file: /data/LOCK: Resource temporarily unavailable"</c> or
/// <c>"Invalid argument: /data/CURRENT: does not exist (create_if_missing is false)"</c>), or, when librocksdb
/// cannot be loaded, a message naming the package to install.
/// </summary>
public class RocksDbException : Exception
{
    public RocksDbException()
        : base("RocksDB reported an error.")
    {
    }

    public RocksDbException(string message)
        : base(message)
    {
    }

    public RocksDbException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Throws if a C API call set <c>errptr</c>. The string is malloc'd by RocksDB: it is copied and then freed with
    /// <c>rocksdb_free</c>. Call after every function that takes an <c>errptr</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ThrowIfError(nint errptr)
    {
        if (errptr != 0)
        {
            Throw(errptr);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(nint errptr)
    {
        string message;
        try
        {
            message = Marshal.PtrToStringUTF8(errptr) ?? "RocksDB reported an error without a message.";
        }
        finally
        {
            NativeMethods.rocksdb_free(errptr);
        }

        throw new RocksDbException(message);
    }
}
