using Alluxio.RocksDb.Native;

namespace Alluxio.RocksDb;

/// <summary>
/// Updates applied atomically by <see cref="RocksDb.Write"/>: all of them become visible together, or none. Keys
/// and values are copied into the batch when added. Reusable: <see cref="Clear"/> it and fill it again.
/// <para>Ownership: the caller disposes it. A batch without column-family arguments can be written to any DB; one
/// that names column families belongs to their DB until <see cref="Clear"/>. RocksDB records column families by id
/// and, given an id it does not know, applies the updates before it and then fails; <see cref="RocksDb.Write"/>
/// therefore refuses a batch whose column families belong to another DB or were dropped, before anything is written.</para>
/// <para>Thread-safety: none; use a batch from one thread at a time.</para>
/// </summary>
public sealed unsafe class WriteBatch : IDisposable
{
    private readonly WriteBatchSafeHandle _handle;
    private readonly List<ColumnFamilyHandle> _columnFamilies = [];
    private RocksDb? _owner;

    /// <summary>Creates an empty batch.</summary>
    /// <exception cref="RocksDbException">librocksdb cannot be loaded.</exception>
    public WriteBatch() => _handle = WriteBatchSafeHandle.Create();

    /// <summary>The number of updates in the batch.</summary>
    public int Count => NativeMethods.rocksdb_writebatch_count(Handle);

    internal WriteBatchSafeHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    /// <summary>Adds a put of <paramref name="key"/> → <paramref name="value"/>.</summary>
    public WriteBatch Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, ColumnFamilyHandle? cf = null)
    {
        var handle = Handle;
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            if (cf is null)
            {
                NativeMethods.rocksdb_writebatch_put(handle, k, (nuint)key.Length, v, (nuint)value.Length);
            }
            else
            {
                NativeMethods.rocksdb_writebatch_put_cf(handle, Track(cf), k, (nuint)key.Length, v, (nuint)value.Length);
            }
        }

        return this;
    }

    /// <summary>Adds a delete of <paramref name="key"/>.</summary>
    public WriteBatch Delete(ReadOnlySpan<byte> key, ColumnFamilyHandle? cf = null)
    {
        var handle = Handle;
        fixed (byte* k = key)
        {
            if (cf is null)
            {
                NativeMethods.rocksdb_writebatch_delete(handle, k, (nuint)key.Length);
            }
            else
            {
                NativeMethods.rocksdb_writebatch_delete_cf(handle, Track(cf), k, (nuint)key.Length);
            }
        }

        return this;
    }

    /// <summary>Adds a delete of every key in [<paramref name="startKey"/>, <paramref name="endKey"/>).</summary>
    public WriteBatch DeleteRange(ReadOnlySpan<byte> startKey, ReadOnlySpan<byte> endKey, ColumnFamilyHandle? cf = null)
    {
        var handle = Handle;
        fixed (byte* s = startKey)
        fixed (byte* e = endKey)
        {
            if (cf is null)
            {
                NativeMethods.rocksdb_writebatch_delete_range(handle, s, (nuint)startKey.Length, e, (nuint)endKey.Length);
            }
            else
            {
                NativeMethods.rocksdb_writebatch_delete_range_cf(
                    handle, Track(cf), s, (nuint)startKey.Length, e, (nuint)endKey.Length);
            }
        }

        return this;
    }

    /// <summary>Removes every update so the batch can be reused.</summary>
    public void Clear()
    {
        NativeMethods.rocksdb_writebatch_clear(Handle);
        _columnFamilies.Clear();
        _owner = null;
    }

    /// <summary>Frees the native batch.</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>Throws unless every column family the batch names belongs to <paramref name="db"/> and is open.</summary>
    internal void EnsureWritableTo(RocksDb db)
    {
        if (_owner is not null && !ReferenceEquals(_owner, db))
        {
            throw new ArgumentException("The batch names column families of another RocksDb instance.", "batch");
        }

        foreach (var cf in _columnFamilies)
        {
            ObjectDisposedException.ThrowIf(cf.IsDisposed, cf);
        }
    }

    private ColumnFamilySafeHandle Track(ColumnFamilyHandle cf)
    {
        if (_owner is null)
        {
            _owner = cf.Owner;
        }
        else if (!ReferenceEquals(_owner, cf.Owner))
        {
            throw new ArgumentException($"Column family '{cf.Name}' belongs to another RocksDb than the batch's other column families.", nameof(cf));
        }

        foreach (var known in _columnFamilies)
        {
            if (ReferenceEquals(known, cf))
            {
                return cf.Handle;
            }
        }

        _columnFamilies.Add(cf);
        return cf.Handle;
    }
}
