using System.Runtime.InteropServices;

namespace Alluxio.RocksDb.Native;

// Point reads and writes. Keys and values are passed as pinned pointers + lengths (no copies on the managed side).
internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_put(
        DbSafeHandle db, WriteOptionsSafeHandle options, byte* key, nuint keyLength, byte* value, nuint valueLength,
        ref nint errptr);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_put_cf(
        DbSafeHandle db, WriteOptionsSafeHandle options, ColumnFamilySafeHandle columnFamily, byte* key,
        nuint keyLength, byte* value, nuint valueLength, ref nint errptr);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_delete(
        DbSafeHandle db, WriteOptionsSafeHandle options, byte* key, nuint keyLength, ref nint errptr);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_delete_cf(
        DbSafeHandle db, WriteOptionsSafeHandle options, ColumnFamilySafeHandle columnFamily, byte* key,
        nuint keyLength, ref nint errptr);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_write(
        DbSafeHandle db, WriteOptionsSafeHandle options, WriteBatchSafeHandle batch, ref nint errptr);

    /// <summary>Returns zero if not found, else a malloc'd buffer (free with <see cref="rocksdb_free"/>).</summary>
    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_get(
        DbSafeHandle db, ReadOptionsSafeHandle options, byte* key, nuint keyLength, out nuint valueLength,
        ref nint errptr);

    /// <summary>Returns zero if not found, else a malloc'd buffer (free with <see cref="rocksdb_free"/>).</summary>
    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_get_cf(
        DbSafeHandle db, ReadOptionsSafeHandle options, ColumnFamilySafeHandle columnFamily, byte* key,
        nuint keyLength, out nuint valueLength, ref nint errptr);

    /// <summary>Returns zero if not found, else a pinnable slice (destroy with <see cref="rocksdb_pinnableslice_destroy"/>).</summary>
    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_get_pinned(
        DbSafeHandle db, ReadOptionsSafeHandle options, byte* key, nuint keyLength, ref nint errptr);

    /// <summary>Returns zero if not found, else a pinnable slice (destroy with <see cref="rocksdb_pinnableslice_destroy"/>).</summary>
    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_get_pinned_cf(
        DbSafeHandle db, ReadOptionsSafeHandle options, ColumnFamilySafeHandle columnFamily, byte* key,
        nuint keyLength, ref nint errptr);

    [LibraryImport(LibraryName)]
    internal static partial byte* rocksdb_pinnableslice_value(nint slice, out nuint valueLength);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_pinnableslice_destroy(nint slice);

    /// <summary>With <paramref name="valueFound"/> null the value outputs are not written (nothing to free).</summary>
    [LibraryImport(LibraryName)]
    internal static partial byte rocksdb_key_may_exist_cf(
        DbSafeHandle db, ReadOptionsSafeHandle options, ColumnFamilySafeHandle columnFamily, byte* key,
        nuint keyLength, nint* value, nuint* valueLength, byte* timestamp, nuint timestampLength, byte* valueFound);
}
