using Alluxio.RocksDb;

namespace Alluxio.Metastore.Store;

/// <summary>
/// The metadata store's RocksDB database with its column families (<see cref="MetastoreKeys"/>). Thread-safe (as
/// RocksDB is). Writes come only from the journal committer; everything else reads.
/// </summary>
public sealed class MetastoreDb : IDisposable
{
    private MetastoreDb(Alluxio.RocksDb.RocksDb db)
    {
        Db = db;
        Inodes = db.GetColumnFamily(MetastoreKeys.Inodes);
        Edges = db.GetColumnFamily(MetastoreKeys.Edges);
        Blocks = db.GetColumnFamily(MetastoreKeys.Blocks);
        Mounts = db.GetColumnFamily(MetastoreKeys.Mounts);
        PathConfig = db.GetColumnFamily(MetastoreKeys.PathConfig);
        SyncPoints = db.GetColumnFamily(MetastoreKeys.SyncPoints);
        Meta = db.GetColumnFamily(MetastoreKeys.Meta);
        GrainState = db.GetColumnFamily(MetastoreKeys.GrainState);
    }

    public Alluxio.RocksDb.RocksDb Db { get; }

    public string Path => Db.Path;

    public ColumnFamilyHandle Inodes { get; }

    public ColumnFamilyHandle Edges { get; }

    public ColumnFamilyHandle Blocks { get; }

    public ColumnFamilyHandle Mounts { get; }

    public ColumnFamilyHandle PathConfig { get; }

    public ColumnFamilyHandle SyncPoints { get; }

    public ColumnFamilyHandle Meta { get; }

    public ColumnFamilyHandle GrainState { get; }

    /// <summary>Opens (or creates) the store at <paramref name="path"/>.</summary>
    public static MetastoreDb Open(string path, MetastoreOptions options)
    {
        Directory.CreateDirectory(path);
        var cfs = MetastoreKeys.ColumnFamilies.Select(name => new ColumnFamilyDescriptor(name, ColumnFamilyOptionsFor(name, options))).ToList();
        var db = Alluxio.RocksDb.RocksDb.Open(
            path,
            new RocksDbOptions { CreateIfMissing = true, CreateMissingColumnFamilies = true, MaxBackgroundJobs = 2 },
            cfs);
        var store = new MetastoreDb(db);
        var version = db.Get(MetastoreKeys.MetaFormatVersion, store.Meta);
        if (version is null)
        {
            db.Put(MetastoreKeys.MetaFormatVersion, MetastoreKeys.Int64(MetastoreKeys.FormatVersion), store.Meta, WriteOptions.Synced);
        }
        else if (MetastoreKeys.ReadId(version) != MetastoreKeys.FormatVersion)
        {
            db.Dispose();
            throw new InvalidDataException($"The metadata store at {path} has format version {MetastoreKeys.ReadId(version)}; this build reads version {MetastoreKeys.FormatVersion}.");
        }

        return store;
    }

    private static ColumnFamilyOptions ColumnFamilyOptionsFor(string name, MetastoreOptions options) => name switch
    {
        MetastoreKeys.Edges => new ColumnFamilyOptions { FixedPrefixLength = 8, BloomFilterBitsPerKey = 10, BlockCacheSize = options.BlockCacheBytes / 2 },
        MetastoreKeys.Inodes => new ColumnFamilyOptions { BloomFilterBitsPerKey = 10, BlockCacheSize = options.BlockCacheBytes / 2 },
        _ => new ColumnFamilyOptions(),
    };

    /// <summary>Reads an int64 meta value, or <paramref name="fallback"/>.</summary>
    public long ReadMeta(byte[] key, long fallback)
    {
        var value = Db.Get(key, Meta);
        return value is null ? fallback : MetastoreKeys.ReadId(value);
    }

    public void Dispose() => Db.Dispose();
}
