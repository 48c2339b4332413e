using System.Runtime.InteropServices;

namespace Alluxio.RocksDb.Native;

// Iterators. Creation takes raw pointers: IteratorSafeHandle.Create already holds references on the parents.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_create_iterator(nint db, nint options);

    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_create_iterator_cf(nint db, nint options, nint columnFamily);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_destroy(nint iterator);

    [LibraryImport(LibraryName)]
    internal static partial byte rocksdb_iter_valid(IteratorSafeHandle iterator);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_seek_to_first(IteratorSafeHandle iterator);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_seek_to_last(IteratorSafeHandle iterator);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_seek(IteratorSafeHandle iterator, byte* key, nuint keyLength);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_seek_for_prev(IteratorSafeHandle iterator, byte* key, nuint keyLength);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_next(IteratorSafeHandle iterator);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_prev(IteratorSafeHandle iterator);

    /// <summary>Points into the iterator; valid until the iterator moves or is destroyed.</summary>
    [LibraryImport(LibraryName)]
    internal static partial byte* rocksdb_iter_key(IteratorSafeHandle iterator, out nuint keyLength);

    /// <summary>Points into the iterator; valid until the iterator moves or is destroyed.</summary>
    [LibraryImport(LibraryName)]
    internal static partial byte* rocksdb_iter_value(IteratorSafeHandle iterator, out nuint valueLength);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_iter_get_error(IteratorSafeHandle iterator, ref nint errptr);
}
