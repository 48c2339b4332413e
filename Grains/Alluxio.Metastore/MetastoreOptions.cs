namespace Alluxio.Metastore;

/// <summary>Options of the metadata store and journal.</summary>
public sealed class MetastoreOptions
{
    /// <summary>The directory holding metastore/, journal/, checkpoints/ and backups/ (the silo's data dir).</summary>
    public string Directory { get; set; } = "./data";

    /// <summary>Inode records kept in memory (default 1,000,000). Evicted records are read back from RocksDB.</summary>
    public int InodeCacheCapacity { get; set; } = 1_000_000;

    /// <summary>
    /// Directories whose child lists are kept in memory (default 4,096); a list is dropped when an entry under its
    /// directory changes. Listing a cached directory then reads no RocksDB edges.
    /// </summary>
    public int ChildListCacheDirectories { get; set; } = 4096;

    /// <summary>Only directories with at most this many children have their list cached (default 4,096: at most 32 KiB each).</summary>
    public int ChildListMaxChildren { get; set; } = 4096;

    /// <summary>RocksDB block cache for the inode and edge column families (default 256 MiB).</summary>
    public ulong BlockCacheBytes { get; set; } = 256UL << 20;

    /// <summary>A checkpoint is taken automatically after this many journal entries (default 2,000,000, Alluxio's).</summary>
    public long CheckpointPeriodEntries { get; set; } = 2_000_000;

    /// <summary>Checkpoints kept on disk (default 2).</summary>
    public int CheckpointsRetained { get; set; } = 2;

    /// <summary>Most journal entries committed together (default 1,024).</summary>
    public int MaxBatchEntries { get; set; } = 1024;

    /// <summary>Entries waiting for the committer before submitters wait (default 16,384).</summary>
    public int QueueCapacity { get; set; } = 16_384;

    /// <summary>fsync the journal before acknowledging (default true; false is for tests and benchmarks only).</summary>
    public bool SyncJournal { get; set; } = true;

    /// <summary>Checks the values; returns the problems found.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory))
        {
            yield return "The metastore directory must be set.";
        }

        if (InodeCacheCapacity < 1000)
        {
            yield return $"InodeCacheCapacity must be at least 1000 (was {InodeCacheCapacity}).";
        }

        if (ChildListCacheDirectories < 0 || ChildListMaxChildren < 0)
        {
            yield return "ChildListCacheDirectories and ChildListMaxChildren must not be negative.";
        }

        if (CheckpointPeriodEntries < 1 || CheckpointsRetained < 1 || MaxBatchEntries < 1 || QueueCapacity < 1)
        {
            yield return "CheckpointPeriodEntries, CheckpointsRetained, MaxBatchEntries and QueueCapacity must be positive.";
        }
    }
}
