namespace Alluxio.Grains.FileSystem;

/// <summary>The file system master's settings (Alluxio property names in the comments). Validated at start-up.</summary>
public sealed class FileSystemMasterOptions
{
    /// <summary>The UFS mounted at "/" when the namespace is formatted (alluxio.master.mount.table.root.ufs).</summary>
    public string RootUfs { get; set; } = "./data/underfs";

    /// <summary>Options of the root mount (alluxio.master.mount.table.root.option.*).</summary>
    public Dictionary<string, string> RootUfsOptions { get; set; } = [];

    /// <summary>Cluster default sync interval: -1 never re-sync after the first load, 0 always, N ms (alluxio.user.file.metadata.sync.interval).</summary>
    public long DefaultSyncIntervalMs { get; set; } = -1;

    /// <summary>Default block size of new files (alluxio.user.block.size.bytes.default, 64 MiB).</summary>
    public long DefaultBlockSizeBytes { get; set; } = 64L << 20;

    /// <summary>Default write type (alluxio.user.file.writetype.default, ASYNC_THROUGH).</summary>
    public WriteType DefaultWriteType { get; set; } = WriteType.AsyncThrough;

    /// <summary>Permission bits removed from new files and directories (alluxio.security.authorization.permission.umask).</summary>
    public string Umask { get; set; } = "022";

    /// <summary>Members of this group are superusers (alluxio.security.authorization.permission.supergroup).</summary>
    public string SuperGroup { get; set; } = "supergroup";

    /// <summary>Extra superusers besides the OS user the silo runs as.</summary>
    public List<string> SuperUsers { get; set; } = [];

    /// <summary>Whether permissions are enforced (alluxio.security.authorization.permission.enabled).</summary>
    public bool PermissionCheckEnabled { get; set; } = true;

    /// <summary>Children read per page of a listing (each page under one read lock; a large directory streams page by page).</summary>
    public int ListingBatchSize { get; set; } = 1000;

    /// <summary>Directories synced in parallel by a recursive sync (alluxio.master.metadata.sync.concurrency.level).</summary>
    public int SyncConcurrency { get; set; } = 6;

    /// <summary>UFS listings fetched ahead of the sync that needs them (alluxio.master.metadata.sync.ufs.prefetch...).</summary>
    public int SyncPrefetch { get; set; } = 12;

    /// <summary>Paths remembered as absent in the UFS (alluxio.master.ufs.path.cache.capacity).</summary>
    public int AbsentPathCacheCapacity { get; set; } = 100_000;

    /// <summary>How long an ASYNC_THROUGH file waits before it is persisted (alluxio.user.file.persistence.initial.wait.time).</summary>
    public TimeSpan PersistInitialDelay { get; set; } = TimeSpan.Zero;

    /// <summary>The first retry delay after a failed persist; it doubles per failure up to <see cref="PersistRetryMaxDelay"/>.</summary>
    public TimeSpan PersistRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts to persist a file (it is retried until it succeeds or the file goes).</summary>
    public TimeSpan PersistRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often expired TTLs are acted on (alluxio.master.ttl.checker.interval, 1 hour).</summary>
    public TimeSpan TtlCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Files persisted at once.</summary>
    public int PersistConcurrency { get; set; } = 2;

    public int UmaskBits => Convert.ToInt32(Umask, 8);

    public IEnumerable<string> Validate()
    {
        if (TtlCheckInterval <= TimeSpan.Zero)
        {
            yield return "TtlCheckInterval must be positive.";
        }

        if (PersistInitialDelay < TimeSpan.Zero || PersistRetryDelay <= TimeSpan.Zero || PersistRetryMaxDelay < PersistRetryDelay || PersistConcurrency < 1)
        {
            yield return "PersistInitialDelay must be ≥ 0, PersistRetryDelay > 0, PersistRetryMaxDelay ≥ PersistRetryDelay and PersistConcurrency ≥ 1.";
        }

        if (string.IsNullOrWhiteSpace(RootUfs))
        {
            yield return "RootUfs must be set.";
        }

        if (DefaultSyncIntervalMs < -1)
        {
            yield return $"DefaultSyncIntervalMs must be -1, 0 or positive (was {DefaultSyncIntervalMs}).";
        }

        if (DefaultBlockSizeBytes < 1024)
        {
            yield return $"DefaultBlockSizeBytes must be at least 1 KiB (was {DefaultBlockSizeBytes}).";
        }

        var umaskValid = Umask.Length is >= 1 and <= 4 && Umask.All(c => c is >= '0' and <= '7');
        if (!umaskValid)
        {
            yield return $"Umask must be octal, e.g. 022 (was '{Umask}').";
        }

        if (ListingBatchSize < 1 || SyncConcurrency < 1 || SyncPrefetch < 0 || AbsentPathCacheCapacity < 0)
        {
            yield return "ListingBatchSize and SyncConcurrency must be positive; SyncPrefetch and AbsentPathCacheCapacity not negative.";
        }
    }
}
