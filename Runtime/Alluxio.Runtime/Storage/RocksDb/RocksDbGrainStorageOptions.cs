namespace Alluxio.Runtime.Storage.RocksDb;

/// <summary>Options of <see cref="RocksDbGrainStorage"/>.</summary>
public sealed class RocksDbGrainStorageOptions
{
    /// <summary>The RocksDB directory (created if missing). Required.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>fsync every group commit before acknowledging (default true: acknowledged = durable).</summary>
    public bool SyncWrites { get; set; } = true;

    /// <summary>Most writes committed together in one synced batch (default 1024).</summary>
    public int MaxBatchSize { get; set; } = 1024;

    /// <summary>Writes waiting for the committer before writers wait too (default 16384).</summary>
    public int QueueCapacity { get; set; } = 16384;

    /// <summary>Checks the values; returns the problems found.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            yield return "RocksDbGrainStorageOptions.Path must be set.";
        }

        if (MaxBatchSize < 1 || QueueCapacity < 1)
        {
            yield return "MaxBatchSize and QueueCapacity must be at least 1.";
        }
    }
}
