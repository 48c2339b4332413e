using Alluxio.RocksDb.Native;

namespace Alluxio.RocksDb;

// Iterators, prefix scans and snapshots.
public sealed partial class RocksDb
{
    /// <summary>
    /// A new iterator over <paramref name="cf"/> (default column family if null). The caller disposes it; it keeps
    /// the DB, column family and <paramref name="options"/> alive until then (see <see cref="RocksIterator"/>).
    /// </summary>
    public RocksIterator NewIterator(ColumnFamilyHandle? cf = null, ReadOptions? options = null)
    {
        ThrowIfDisposed();
        var readOptions = ReadHandle(options);
        var columnFamily = cf is null ? null : CfHandle(cf);
        return new RocksIterator(IteratorSafeHandle.Create(_handle, columnFamily, readOptions));
    }

    /// <summary>A snapshot of the current state; the caller disposes it (see <see cref="Snapshot"/>).</summary>
    public Snapshot CreateSnapshot()
    {
        ThrowIfDisposed();
        return new Snapshot(this, SnapshotSafeHandle.Create(_handle));
    }

    /// <summary>
    /// Every entry whose key starts with <paramref name="prefix"/>, in key order, as copies. Lazy: the iterator (and a
    /// <see cref="ReadOptions"/> with an upper bound of prefix+1) is created on the first MoveNext and disposed when
    /// the enumeration ends or its enumerator is disposed (<c>foreach</c> does both). Uses a prefix seek when the
    /// column family's prefix extractor covers the prefix, a total-order seek otherwise, so it is correct with and
    /// without an extractor.
    /// </summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> ScanPrefix(byte[] prefix, ColumnFamilyHandle? cf = null, Snapshot? snapshot = null)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ThrowIfDisposed();
        var columnFamily = cf ?? DefaultColumnFamily;
        CfHandle(columnFamily);
        if (snapshot is not null && !ReferenceEquals(snapshot.Owner, this))
        {
            throw new ArgumentException("The snapshot belongs to another RocksDb instance.", nameof(snapshot));
        }

        return ScanPrefixCore(prefix, cf, columnFamily.FixedPrefixLength, snapshot);
    }

    /// <inheritdoc cref="ScanPrefix(byte[], ColumnFamilyHandle?, Snapshot?)"/>
    public IEnumerable<KeyValuePair<byte[], byte[]>> ScanPrefix(ReadOnlySpan<byte> prefix, ColumnFamilyHandle? cf = null, Snapshot? snapshot = null) =>
        ScanPrefix(prefix.ToArray(), cf, snapshot);

    private IEnumerable<KeyValuePair<byte[], byte[]>> ScanPrefixCore(
        byte[] prefix, ColumnFamilyHandle? cf, int? extractorLength, Snapshot? snapshot)
    {
        using var options = new ReadOptions();
        if (snapshot is not null)
        {
            options.Snapshot = snapshot;
        }

        if (KeyPrefix.UpperBound(prefix) is { } upperBound)
        {
            options.IterateUpperBound = upperBound;
        }

        // A prefix seek is only defined for seek keys at least as long as the extractor's prefix.
        if (extractorLength is { } length && prefix.Length >= length)
        {
            options.PrefixSameAsStart = true;
        }
        else
        {
            options.TotalOrderSeek = true;
        }

        using var iterator = NewIterator(cf, options);
        for (iterator.Seek(prefix); iterator.Valid && KeyPrefix.Matches(iterator, prefix); iterator.Next())
        {
            yield return new KeyValuePair<byte[], byte[]>(iterator.KeyArray(), iterator.ValueArray());
        }
    }
}
