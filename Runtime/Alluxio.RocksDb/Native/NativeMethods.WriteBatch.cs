using System.Runtime.InteropServices;

namespace Alluxio.RocksDb.Native;

// Write batches. A batch records column families by id, so it holds no reference on their handles.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_writebatch_create();

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_writebatch_destroy(nint batch);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_writebatch_clear(WriteBatchSafeHandle batch);

    [LibraryImport(LibraryName)]
    internal static partial int rocksdb_writebatch_count(WriteBatchSafeHandle batch);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_writebatch_put(
        WriteBatchSafeHandle batch, byte* key, nuint keyLength, byte* value, nuint valueLength);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_writebatch_put_cf(
        WriteBatchSafeHandle batch, ColumnFamilySafeHandle columnFamily, byte* key, nuint keyLength, byte* value,
        nuint valueLength);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_writebatch_delete(WriteBatchSafeHandle batch, byte* key, nuint keyLength);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_writebatch_delete_cf(
        WriteBatchSafeHandle batch, ColumnFamilySafeHandle columnFamily, byte* key, nuint keyLength);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_writebatch_delete_range(
        WriteBatchSafeHandle batch, byte* startKey, nuint startKeyLength, byte* endKey, nuint endKeyLength);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_writebatch_delete_range_cf(
        WriteBatchSafeHandle batch, ColumnFamilySafeHandle columnFamily, byte* startKey, nuint startKeyLength,
        byte* endKey, nuint endKeyLength);
}
