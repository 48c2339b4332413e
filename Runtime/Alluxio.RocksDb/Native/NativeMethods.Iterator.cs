using System.Runtime.InteropServices;

namespace Alluxio.RocksDb.Native;

// Iterators. Creation takes raw pointers: IteratorSafeHandle.Create already holds references on the parents. The
// cursor calls take the raw iterator too: RocksIterator holds a reference on its handle for its whole life, so the
// per-call reference counting of SafeHandle marshalling (four calls per entry) is not paid. The accessors that only
// read the current position (valid, key, value) never block, so they also skip the GC transition.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_create_iterator(nint db, nint options);

    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_create_iterator_cf(nint db, nint options, nint columnFamily);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_destroy(nint iterator);

    [LibraryImport(LibraryName)]
    [SuppressGCTransition]
    internal static partial byte rocksdb_iter_valid(nint iterator);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_seek_to_first(nint iterator);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_seek_to_last(nint iterator);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_seek(nint iterator, byte* key, nuint keyLength);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_seek_for_prev(nint iterator, byte* key, nuint keyLength);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_next(nint iterator);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_prev(nint iterator);

    /// <summary>Points into the iterator; valid until the iterator moves or is destroyed.</summary>
    [LibraryImport(LibraryName)]
    [SuppressGCTransition]
    internal static partial byte* rocksdb_iter_key(nint iterator, out nuint keyLength);

    /// <summary>Points into the iterator; valid until the iterator moves or is destroyed.</summary>
    [LibraryImport(LibraryName)]
    [SuppressGCTransition]
    internal static partial byte* rocksdb_iter_value(nint iterator, out nuint valueLength);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_get_error(nint iterator, ref nint errptr);
}
