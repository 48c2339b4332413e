namespace Alluxio.RocksDb;

/// <summary>
/// Block compression for a column family. Values are RocksDB's C API constants (<c>rocksdb_*_compression</c>).
/// Debian's librocksdb7.8 is built with all four; a library without one fails at open with RocksDB's message.
/// </summary>
public enum Compression
{
    /// <summary>No compression.</summary>
    None = 0,

    /// <summary>Snappy (RocksDB's default).</summary>
    Snappy = 1,

    /// <summary>LZ4.</summary>
    Lz4 = 4,

    /// <summary>Zstandard.</summary>
    Zstd = 7,
}
