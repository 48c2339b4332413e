using System.Buffers;
using Alluxio.RocksDb.Native;

namespace Alluxio.RocksDb;

// Point reads and writes. Keys and values are pinned, not copied; the only managed allocation is Get's result array.
public sealed unsafe partial class RocksDb
{
    /// <summary>The value of <paramref name="key"/>, or null if absent (a copy; RocksDB's buffer is freed).</summary>
    /// <param name="key">The key (may be empty).</param>
    /// <param name="cf">The column family; null for the default one.</param>
    /// <param name="options">Read options (snapshot, checksums); null for defaults.</param>
    /// <exception cref="RocksDbException">RocksDB failed (I/O error, corruption).</exception>
    public byte[]? Get(ReadOnlySpan<byte> key, ColumnFamilyHandle? cf = null, ReadOptions? options = null)
    {
        ThrowIfDisposed();
        var readOptions = ReadHandle(options);
        nint err = 0;
        nint value;
        nuint length;
        fixed (byte* k = key)
        {
            value = cf is null
                ? NativeMethods.rocksdb_get(_handle, readOptions, k, (nuint)key.Length, out length, ref err)
                : NativeMethods.rocksdb_get_cf(_handle, readOptions, CfHandle(cf), k, (nuint)key.Length, out length, ref err);
        }

        RocksDbException.ThrowIfError(err);
        if (value == 0)
        {
            return null;
        }

        try
        {
            var result = GC.AllocateUninitializedArray<byte>(ToLength(length));
            new ReadOnlySpan<byte>((void*)value, result.Length).CopyTo(result);
            return result;
        }
        finally
        {
            NativeMethods.rocksdb_free(value);
        }
    }

    /// <summary>
    /// Copies the value of <paramref name="key"/> straight from RocksDB's pinned memory (block cache or memtable)
    /// into <paramref name="destination"/>, with no intermediate buffer. Returns false (writing nothing) if absent.
    /// </summary>
    /// <exception cref="RocksDbException">RocksDB failed (I/O error, corruption).</exception>
    public bool TryGet(ReadOnlySpan<byte> key, IBufferWriter<byte> destination, ColumnFamilyHandle? cf = null, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ThrowIfDisposed();
        var readOptions = ReadHandle(options);
        var columnFamily = cf is null ? null : CfHandle(cf);

        // The pinned slice points into the DB (block cache, memtable): keep the DB open until it is destroyed.
        var added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            nint err = 0;
            nint slice;
            fixed (byte* k = key)
            {
                slice = columnFamily is null
                    ? NativeMethods.rocksdb_get_pinned(_handle, readOptions, k, (nuint)key.Length, ref err)
                    : NativeMethods.rocksdb_get_pinned_cf(_handle, readOptions, columnFamily, k, (nuint)key.Length, ref err);
            }

            RocksDbException.ThrowIfError(err);
            if (slice == 0)
            {
                return false;
            }

            try
            {
                var value = NativeMethods.rocksdb_pinnableslice_value(slice, out var length);
                var count = ToLength(length);
                new ReadOnlySpan<byte>(value, count).CopyTo(destination.GetSpan(count));
                destination.Advance(count);
                return true;
            }
            finally
            {
                NativeMethods.rocksdb_pinnableslice_destroy(slice);
            }
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> (both may be empty).</summary>
    /// <exception cref="RocksDbException">RocksDB failed (I/O error, write stall timeout, read-only).</exception>
    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, ColumnFamilyHandle? cf = null, WriteOptions? options = null)
    {
        ThrowIfDisposed();
        var writeOptions = (options ?? WriteOptions.Default).Handle;
        nint err = 0;
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            if (cf is null)
            {
                NativeMethods.rocksdb_put(_handle, writeOptions, k, (nuint)key.Length, v, (nuint)value.Length, ref err);
            }
            else
            {
                NativeMethods.rocksdb_put_cf(
                    _handle, writeOptions, CfHandle(cf), k, (nuint)key.Length, v, (nuint)value.Length, ref err);
            }
        }

        RocksDbException.ThrowIfError(err);
    }

    /// <summary>Deletes <paramref name="key"/> (a no-op if absent).</summary>
    /// <exception cref="RocksDbException">RocksDB failed.</exception>
    public void Delete(ReadOnlySpan<byte> key, ColumnFamilyHandle? cf = null, WriteOptions? options = null)
    {
        ThrowIfDisposed();
        var writeOptions = (options ?? WriteOptions.Default).Handle;
        nint err = 0;
        fixed (byte* k = key)
        {
            if (cf is null)
            {
                NativeMethods.rocksdb_delete(_handle, writeOptions, k, (nuint)key.Length, ref err);
            }
            else
            {
                NativeMethods.rocksdb_delete_cf(_handle, writeOptions, CfHandle(cf), k, (nuint)key.Length, ref err);
            }
        }

        RocksDbException.ThrowIfError(err);
    }

    /// <summary>Applies every update in <paramref name="batch"/> atomically (all visible together, or none).</summary>
    /// <exception cref="ArgumentException">The batch names column families of another DB.</exception>
    /// <exception cref="ObjectDisposedException">A column family the batch names was dropped, or the DB disposed.</exception>
    /// <exception cref="RocksDbException">RocksDB failed.</exception>
    public void Write(WriteBatch batch, WriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ThrowIfDisposed();
        batch.EnsureWritableTo(this);
        nint err = 0;
        NativeMethods.rocksdb_write(_handle, (options ?? WriteOptions.Default).Handle, batch.Handle, ref err);
        RocksDbException.ThrowIfError(err);
    }

    /// <summary>
    /// False if <paramref name="key"/> is certainly absent (bloom filters, memtable); true if it may exist. Cheaper
    /// than <see cref="Get"/>: does no I/O for the value.
    /// </summary>
    public bool KeyMayExist(ReadOnlySpan<byte> key, ColumnFamilyHandle? cf = null, ReadOptions? options = null)
    {
        ThrowIfDisposed();
        var readOptions = ReadHandle(options);
        var columnFamily = CfHandle(cf ?? DefaultColumnFamily);
        fixed (byte* k = key)
        {
            return NativeMethods.rocksdb_key_may_exist_cf(
                _handle, readOptions, columnFamily, k, (nuint)key.Length, null, null, null, 0, null) != 0;
        }
    }

    private static int ToLength(nuint length) =>
        length <= (nuint)Array.MaxLength
            ? (int)length
            : throw new RocksDbException($"A value of {length} bytes does not fit in a .NET array.");

    private ColumnFamilySafeHandle CfHandle(ColumnFamilyHandle cf)
    {
        if (!ReferenceEquals(cf.Owner, this))
        {
            throw new ArgumentException($"Column family '{cf.Name}' belongs to another RocksDb instance.", nameof(cf));
        }

        ObjectDisposedException.ThrowIf(cf.IsDisposed, cf);
        return cf.Handle;
    }

    private ReadOptionsSafeHandle ReadHandle(ReadOptions? options)
    {
        if (options is null)
        {
            return ReadOptionsSafeHandle.Default;
        }

        if (options.Snapshot is { } snapshot && !ReferenceEquals(snapshot.Owner, this))
        {
            throw new ArgumentException("The read options' snapshot belongs to another RocksDb instance.", nameof(options));
        }

        return options.Handle;
    }
}
