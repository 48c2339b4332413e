namespace Alluxio.RocksDb;

/// <summary>
/// Options of one column family. A plain object, read once when the column family is opened or created (the native
/// options, prefix extractor, filter policy and block cache are built then and owned by RocksDB or freed). Not
/// thread-safe while being configured. Properties left null keep RocksDB's default.
/// </summary>
public sealed class ColumnFamilyOptions
{
    /// <summary>Memtable size in bytes (RocksDB default 64 MiB).</summary>
    public ulong? WriteBufferSize { get; set; }

    /// <summary>
    /// A fixed-length prefix extractor (<c>rocksdb_slicetransform_create_fixed_prefix</c>): enables prefix bloom
    /// filters and prefix seeks. Keys shorter than the length are outside the prefix domain.
    /// </summary>
    public int? FixedPrefixLength { get; set; }

    /// <summary>A full bloom filter with this many bits per key in the block-based table.</summary>
    public double? BloomFilterBitsPerKey { get; set; }

    /// <summary>A dedicated LRU block cache of this many bytes (RocksDB default: a shared 8 MiB cache).</summary>
    public ulong? BlockCacheSize { get; set; }

    /// <summary>Block compression (RocksDB default <see cref="Alluxio.RocksDb.Compression.Snappy"/>).</summary>
    public Compression? Compression { get; set; }

    /// <summary>
    /// RocksDB's <c>OptimizeForPointLookup</c>: hash index in data blocks, a 10-bit bloom filter (unless
    /// <see cref="BloomFilterBitsPerKey"/> is set), memtable bloom filter. Combine with <see cref="BlockCacheSize"/>.
    /// </summary>
    public bool OptimizeForPointLookup { get; set; }

    internal void Validate()
    {
        if (FixedPrefixLength is { } prefix)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(prefix, nameof(FixedPrefixLength));
        }

        if (BloomFilterBitsPerKey is { } bits)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bits, nameof(BloomFilterBitsPerKey));
        }

        if (WriteBufferSize is 0)
        {
            throw new ArgumentOutOfRangeException(nameof(WriteBufferSize), "The write buffer size must be positive.");
        }

        if (BlockCacheSize is 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BlockCacheSize), "The block cache size must be positive.");
        }

        if (Compression is { } compression && !Enum.IsDefined(compression))
        {
            throw new ArgumentOutOfRangeException(nameof(Compression), compression, "Unknown compression.");
        }
    }
}
