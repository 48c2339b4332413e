using System.Runtime.InteropServices;

namespace Alluxio.RocksDb.Native;

// Opening and closing, column families, snapshots, checkpoints, maintenance and properties.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint rocksdb_open_column_families(
        OptionsSafeHandle options, string name, int count, nint* names, nint* columnFamilyOptions,
        nint* columnFamilyHandles, ref nint errptr);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_close(nint db);

    /// <summary>Returns a malloc'd array of malloc'd strings, freed by <see cref="rocksdb_list_column_families_destroy"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint rocksdb_list_column_families(
        OptionsSafeHandle options, string name, out nuint count, ref nint errptr);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_list_column_families_destroy(nint list, nuint count);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint rocksdb_create_column_family(
        nint db, OptionsSafeHandle options, string name, ref nint errptr);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_drop_column_family(
        DbSafeHandle db, ColumnFamilySafeHandle columnFamily, ref nint errptr);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_column_family_handle_destroy(nint columnFamily);

    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_create_snapshot(nint db);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_release_snapshot(nint db, nint snapshot);

    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_checkpoint_object_create(nint db, ref nint errptr);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void rocksdb_checkpoint_create(
        CheckpointSafeHandle checkpoint, string directory, ulong logSizeForFlush, ref nint errptr);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_checkpoint_object_destroy(nint checkpoint);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_flush(DbSafeHandle db, FlushOptionsSafeHandle options, ref nint errptr);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_flush_cf(
        DbSafeHandle db, FlushOptionsSafeHandle options, ColumnFamilySafeHandle columnFamily, ref nint errptr);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_flush_wal(DbSafeHandle db, byte sync, ref nint errptr);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_compact_range(
        DbSafeHandle db, byte* startKey, nuint startKeyLength, byte* limitKey, nuint limitKeyLength);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_compact_range_cf(
        DbSafeHandle db, ColumnFamilySafeHandle columnFamily, byte* startKey, nuint startKeyLength,
        byte* limitKey, nuint limitKeyLength);

    /// <summary>Returns a malloc'd NUL-terminated string, or zero if the property is unknown.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint rocksdb_property_value(DbSafeHandle db, string name);

    /// <summary>Returns a malloc'd NUL-terminated string, or zero if the property is unknown.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint rocksdb_property_value_cf(
        DbSafeHandle db, ColumnFamilySafeHandle columnFamily, string name);

    [LibraryImport(LibraryName)]
    internal static partial ulong rocksdb_get_latest_sequence_number(DbSafeHandle db);
}
