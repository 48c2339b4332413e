using Alluxio.RocksDb.Native;

namespace Alluxio.RocksDb;

/// <summary>
/// A cursor over a column family in key order, from <see cref="RocksDb.NewIterator"/>. A new iterator is not
/// positioned: call a Seek method first.
/// <para>Ownership: the caller disposes it. It holds references on its DB, column family and read options, so
/// disposing those first defers their native release until the iterator is disposed (the DB stays open — and its
/// lock held — until then).</para>
/// <para>Thread-safety: none; use an iterator from one thread at a time. Different iterators may run concurrently.</para>
/// <para>Errors (I/O, corruption) are raised as <see cref="RocksDbException"/> by the move that hit them.</para>
/// </summary>
public sealed unsafe class RocksIterator : IDisposable
{
    private readonly IteratorSafeHandle _handle;
    private readonly nint _native;
    private bool _valid;
    private bool _disposed;

    internal RocksIterator(IteratorSafeHandle handle)
    {
        // Hold the handle for the iterator's life; the native calls then take the raw pointer (see NativeMethods.Iterator).
        var added = false;
        handle.DangerousAddRef(ref added);
        _handle = handle;
        _native = handle.DangerousGetHandle();
    }

    /// <summary>True when positioned at an entry; false before the first seek and after moving past either end.</summary>
    public bool Valid
    {
        get
        {
            ThrowIfDisposed();
            return _valid;
        }
    }

    /// <summary>Positions at the first key.</summary>
    public void SeekToFirst()
    {
        NativeMethods.rocksdb_iter_seek_to_first(Handle);
        Refresh();
    }

    /// <summary>Positions at the last key.</summary>
    public void SeekToLast()
    {
        NativeMethods.rocksdb_iter_seek_to_last(Handle);
        Refresh();
    }

    /// <summary>Positions at the first key at or after <paramref name="key"/>.</summary>
    public void Seek(ReadOnlySpan<byte> key)
    {
        var handle = Handle;
        fixed (byte* k = key)
        {
            NativeMethods.rocksdb_iter_seek(handle, k, (nuint)key.Length);
        }

        Refresh();
    }

    /// <summary>Positions at the last key at or before <paramref name="key"/>.</summary>
    public void SeekForPrev(ReadOnlySpan<byte> key)
    {
        var handle = Handle;
        fixed (byte* k = key)
        {
            NativeMethods.rocksdb_iter_seek_for_prev(handle, k, (nuint)key.Length);
        }

        Refresh();
    }

    /// <summary>Moves to the next key. Requires <see cref="Valid"/>.</summary>
    public void Next()
    {
        var handle = ValidHandle;
        NativeMethods.rocksdb_iter_next(handle);
        Refresh();
    }

    /// <summary>Moves to the previous key. Requires <see cref="Valid"/>.</summary>
    public void Prev()
    {
        var handle = ValidHandle;
        NativeMethods.rocksdb_iter_prev(handle);
        Refresh();
    }

    /// <summary>
    /// The current key, pointing into native memory: valid only until the iterator next moves or is disposed. Copy
    /// it (<see cref="KeyArray"/>) to keep it. Requires <see cref="Valid"/>.
    /// </summary>
    public ReadOnlySpan<byte> Key()
    {
        var key = NativeMethods.rocksdb_iter_key(ValidHandle, out var length);
        return new ReadOnlySpan<byte>(key, checked((int)length));
    }

    /// <summary>
    /// The current value, pointing into native memory: valid only until the iterator next moves or is disposed.
    /// Copy it (<see cref="ValueArray"/>) to keep it. Requires <see cref="Valid"/>.
    /// </summary>
    public ReadOnlySpan<byte> Value()
    {
        var value = NativeMethods.rocksdb_iter_value(ValidHandle, out var length);
        return new ReadOnlySpan<byte>(value, checked((int)length));
    }

    /// <summary>A copy of the current key.</summary>
    public byte[] KeyArray() => Key().ToArray();

    /// <summary>A copy of the current value.</summary>
    public byte[] ValueArray() => Value().ToArray();

    /// <summary>Destroys the native iterator and releases its references. Must not race with another call on it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _valid = false;
        _handle.DangerousRelease();
        _handle.Dispose();
    }

    private nint Handle
    {
        get
        {
            ThrowIfDisposed();
            return _native;
        }
    }

    private nint ValidHandle
    {
        get
        {
            ThrowIfDisposed();
            if (!_valid)
            {
                throw new InvalidOperationException("The iterator is not positioned at an entry (check Valid).");
            }

            return _native;
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    // RocksDB reports errors by turning the iterator invalid with a non-OK status, so check it on every invalid result.
    private void Refresh()
    {
        _valid = NativeMethods.rocksdb_iter_valid(_native) != 0;
        if (!_valid)
        {
            nint err = 0;
            NativeMethods.rocksdb_iter_get_error(_native, ref err);
            RocksDbException.ThrowIfError(err);
        }
    }
}
