using Alluxio.RocksDb.Native;

namespace Alluxio.RocksDb;

/// <summary>
/// Options of reads and iterators; owns a native <c>rocksdb_readoptions_t</c>.
/// <para>Ownership: the caller disposes it. Iterators created with it keep the native object (and its bounds and
/// snapshot) alive until they are disposed, so disposing it early is safe. A <see cref="Snapshot"/> or bound that is
/// replaced stays referenced until this object is disposed (a read started earlier may still use it); create a new
/// <see cref="ReadOptions"/> per snapshot rather than re-pointing one many times.</para>
/// <para>Thread-safety: configure it first, then share it; concurrent reads with the same instance are safe, setting
/// properties while other threads read with it is not.</para>
/// </summary>
public sealed class ReadOptions : IDisposable
{
    private readonly ReadOptionsSafeHandle _handle;
    private Snapshot? _snapshot;
    private byte[]? _upperBound;
    private byte[]? _lowerBound;
    private bool _prefixSameAsStart;
    private bool _totalOrderSeek;
    private bool _fillCache = true;
    private bool _verifyChecksums = true;

    /// <summary>Creates read options with RocksDB's defaults.</summary>
    /// <exception cref="RocksDbException">librocksdb cannot be loaded.</exception>
    public ReadOptions() => _handle = ReadOptionsSafeHandle.Create();

    /// <summary>Read as of this snapshot (null: the latest state). It must belong to the DB read from.</summary>
    public Snapshot? Snapshot
    {
        get => _snapshot;
        set
        {
            Handle.SetSnapshot(value?.Handle);
            _snapshot = value;
        }
    }

    /// <summary>Iterators stop when the key leaves the prefix (per the column family's prefix extractor) of the seek key.</summary>
    public bool PrefixSameAsStart
    {
        get => _prefixSameAsStart;
        set
        {
            NativeMethods.rocksdb_readoptions_set_prefix_same_as_start(Handle, ToByte(value));
            _prefixSameAsStart = value;
        }
    }

    /// <summary>Ignore the prefix extractor: iterate in total key order even where prefix seeks would apply.</summary>
    public bool TotalOrderSeek
    {
        get => _totalOrderSeek;
        set
        {
            NativeMethods.rocksdb_readoptions_set_total_order_seek(Handle, ToByte(value));
            _totalOrderSeek = value;
        }
    }

    /// <summary>
    /// Exclusive upper bound of iteration (null: none). The bytes are copied into native memory owned by this object
    /// when set, so later changes to the array have no effect.
    /// </summary>
    public byte[]? IterateUpperBound
    {
        get => _upperBound;
        set
        {
            Handle.SetUpperBound(value, clear: value is null);
            _upperBound = value;
        }
    }

    /// <summary>Inclusive lower bound of iteration (null: none). Copied like <see cref="IterateUpperBound"/>.</summary>
    public byte[]? IterateLowerBound
    {
        get => _lowerBound;
        set
        {
            Handle.SetLowerBound(value, clear: value is null);
            _lowerBound = value;
        }
    }

    /// <summary>Put blocks read into the block cache (default true; turn off for bulk scans).</summary>
    public bool FillCache
    {
        get => _fillCache;
        set
        {
            NativeMethods.rocksdb_readoptions_set_fill_cache(Handle, ToByte(value));
            _fillCache = value;
        }
    }

    /// <summary>Verify block checksums on read (default true).</summary>
    public bool VerifyChecksums
    {
        get => _verifyChecksums;
        set
        {
            NativeMethods.rocksdb_readoptions_set_verify_checksums(Handle, ToByte(value));
            _verifyChecksums = value;
        }
    }

    internal ReadOptionsSafeHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    /// <summary>Releases the native options (deferred while iterators created from them are alive).</summary>
    public void Dispose() => _handle.Dispose();

    private static byte ToByte(bool value) => value ? (byte)1 : (byte)0;
}
