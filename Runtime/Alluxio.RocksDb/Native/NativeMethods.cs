using System.Runtime.InteropServices;

namespace Alluxio.RocksDb.Native;

/// <summary>
/// P/Invoke declarations for the RocksDB C API (<c>rocksdb/c.h</c>, RocksDB 7.8). Split by concern into partial
/// files. Type mapping: <c>size_t</c> → <see cref="nuint"/>, <c>unsigned char</c> → <see cref="byte"/>,
/// <c>char** errptr</c> → <c>ref nint</c> (must start at zero; a non-zero result is a malloc'd string that
/// <see cref="RocksDbException.ThrowIfError"/> copies and frees). Opaque pointers are passed as SafeHandles where the
/// object is already owned by managed code (the generated stub AddRefs it for the duration of the call) and as raw
/// <see cref="nint"/> where the caller already holds a reference (creation and destruction paths).
/// </summary>
internal static unsafe partial class NativeMethods
{
    /// <summary>The logical library name; <see cref="NativeLibraryLoader"/> maps it to the real soname.</summary>
    internal const string LibraryName = "rocksdb";

    // Runs before the first P/Invoke in this class is bound, so every call goes through the resolver.
    static NativeMethods() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, NativeLibraryLoader.Resolve);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_free(nint ptr);
}
