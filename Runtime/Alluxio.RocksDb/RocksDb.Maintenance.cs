using System.Runtime.InteropServices;
using Alluxio.RocksDb.Native;

namespace Alluxio.RocksDb;

// Checkpoints, flushes, compaction, properties.
public sealed unsafe partial class RocksDb
{
    /// <summary>
    /// Writes an openable copy of the DB to <paramref name="directory"/> (which must not exist; its parent must),
    /// hard-linking table files where the file system allows (same file system), copying otherwise. If the WAL is at least <paramref name="logSizeForFlush"/> bytes the
    /// memtables are flushed first (0: always flush).
    /// </summary>
    /// <exception cref="RocksDbException">The directory exists, or RocksDB failed.</exception>
    public void CreateCheckpoint(string directory, ulong logSizeForFlush = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ThrowIfDisposed();
        using var checkpoint = CheckpointSafeHandle.Create(_handle);
        nint err = 0;
        NativeMethods.rocksdb_checkpoint_create(checkpoint, directory, logSizeForFlush, ref err);
        RocksDbException.ThrowIfError(err);
    }

    /// <summary>Flushes the memtable of <paramref name="cf"/> (default if null) to a table file.</summary>
    /// <param name="cf">The column family; null for the default one.</param>
    /// <param name="wait">Block until the flush completes.</param>
    public void Flush(ColumnFamilyHandle? cf = null, bool wait = true)
    {
        ThrowIfDisposed();
        using var options = FlushOptionsSafeHandle.Create();
        NativeMethods.rocksdb_flushoptions_set_wait(options, wait ? (byte)1 : (byte)0);
        nint err = 0;
        if (cf is null)
        {
            NativeMethods.rocksdb_flush(_handle, options, ref err);
        }
        else
        {
            NativeMethods.rocksdb_flush_cf(_handle, options, CfHandle(cf), ref err);
        }

        RocksDbException.ThrowIfError(err);
    }

    /// <summary>Writes buffered WAL data to the file, and fsyncs it if <paramref name="sync"/>.</summary>
    public void FlushWal(bool sync)
    {
        ThrowIfDisposed();
        nint err = 0;
        NativeMethods.rocksdb_flush_wal(_handle, sync ? (byte)1 : (byte)0, ref err);
        RocksDbException.ThrowIfError(err);
    }

    /// <summary>
    /// Compacts the keys in [<paramref name="start"/>, <paramref name="limit"/>] of <paramref name="cf"/> (default if
    /// null); a null bound is open. Blocks until done.
    /// </summary>
    public void CompactRange(ColumnFamilyHandle? cf, byte[]? start, byte[]? limit)
    {
        ThrowIfDisposed();
        if (limit is { Length: 0 })
        {
            return; // Nothing sorts before the empty key.
        }

        // fixed yields null for a null array, which the C API reads as an open bound.
        fixed (byte* s = start)
        fixed (byte* l = limit)
        {
            var startLength = (nuint)(start?.Length ?? 0);
            var limitLength = (nuint)(limit?.Length ?? 0);
            if (cf is null)
            {
                NativeMethods.rocksdb_compact_range(_handle, s, startLength, l, limitLength);
            }
            else
            {
                NativeMethods.rocksdb_compact_range_cf(_handle, CfHandle(cf), s, startLength, l, limitLength);
            }
        }
    }

    /// <summary>
    /// A RocksDB property such as <c>rocksdb.estimate-num-keys</c> or <c>rocksdb.stats</c> for <paramref name="cf"/>
    /// (default if null), or null if the name is unknown.
    /// </summary>
    public string? GetProperty(string name, ColumnFamilyHandle? cf = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ThrowIfDisposed();
        var value = cf is null
            ? NativeMethods.rocksdb_property_value(_handle, name)
            : NativeMethods.rocksdb_property_value_cf(_handle, CfHandle(cf), name);
        if (value == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(value);
        }
        finally
        {
            NativeMethods.rocksdb_free(value);
        }
    }

    /// <summary>The sequence number of the most recent write.</summary>
    public ulong LatestSequenceNumber
    {
        get
        {
            ThrowIfDisposed();
            return NativeMethods.rocksdb_get_latest_sequence_number(_handle);
        }
    }
}
