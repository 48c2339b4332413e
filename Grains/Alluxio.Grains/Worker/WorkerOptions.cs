using Alluxio.Tiers.Options;

namespace Alluxio.Grains.Worker;

/// <summary>
/// The worker role (configuration section <c>Worker</c>). With no tiers configured the worker uses Alluxio's layout:
/// a MEM tier (a tmpfs directory, <see cref="MemoryBytes"/>) over an SSD tier in the data directory
/// (<see cref="SsdBytes"/>).
/// </summary>
public sealed class WorkerOptions
{
    /// <summary>The tiers; empty = the default MEM + SSD layout.</summary>
    public TieredStoreOptions TieredStore { get; set; } = new();

    /// <summary>The default MEM tier's directory (empty = <c>/dev/shm/alluxio-worker-&lt;hash of the data dir&gt;</c>, or the data dir without /dev/shm).</summary>
    public string MemoryDirectory { get; set; } = "";

    /// <summary>The default MEM tier's quota (0 = a third of the machine's memory).</summary>
    public long MemoryBytes { get; set; }

    /// <summary>The default SSD tier's quota (0 = half the free space of the data directory's disk at start).</summary>
    public long SsdBytes { get; set; }

    /// <summary>How often the worker reports to the block master (Alluxio's <c>alluxio.worker.block.heartbeat.interval</c>).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often hot blocks are promoted into free room of faster tiers.</summary>
    public TimeSpan PromotionInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often unhealthy tier directories are probed.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whole-block loads queued after partial reads (Alluxio's async cache queue); more are dropped, not waited for.</summary>
    public int AsyncCacheQueueCapacity { get; set; } = 512;

    /// <summary>Whole-block loads running at once, each on a thread of its own (never the thread pool's).</summary>
    public int AsyncCacheConcurrency { get; set; } = 2;

    /// <summary>
    /// How long a queued whole-block load may wait while short-circuit clients are reading missed blocks from their UFS
    /// files (default 2 s; zero = never wait): those readers then have the CPU to themselves, and the blocks they read
    /// are cached right after them. A load queued longer ago runs anyway.
    /// </summary>
    public TimeSpan AsyncCacheDeferral { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The host name clients compare with their own for locality (empty = this machine's name).</summary>
    public string Host { get; set; } = "";

    /// <summary>
    /// The default MEM tier checks a block's CRC32C on its first full read only and trusts it after that (default true;
    /// false: every reader checks, short-circuit reads included). See TierOptions.TrustCheckedBlocks.
    /// </summary>
    public bool TrustCheckedMemoryBlocks { get; set; } = true;

    /// <summary>The problems with these settings (none = valid).</summary>
    public IEnumerable<string> Validate()
    {
        if (HeartbeatInterval <= TimeSpan.Zero || PromotionInterval <= TimeSpan.Zero || HealthCheckInterval <= TimeSpan.Zero)
        {
            yield return "Worker:HeartbeatInterval, PromotionInterval and HealthCheckInterval must be positive.";
        }

        if (AsyncCacheQueueCapacity < 1 || AsyncCacheConcurrency < 1)
        {
            yield return "Worker:AsyncCacheQueueCapacity and AsyncCacheConcurrency must be at least 1.";
        }

        if (AsyncCacheDeferral < TimeSpan.Zero)
        {
            yield return "Worker:AsyncCacheDeferral cannot be negative.";
        }

        if (MemoryBytes < 0 || SsdBytes < 0)
        {
            yield return "Worker:MemoryBytes and SsdBytes cannot be negative.";
        }

        if (TieredStore.Tiers.Count > 0 && TierProblem() is { } problem)
        {
            yield return problem;
        }
    }

    private string? TierProblem()
    {
        try
        {
            TieredStore.Validate();
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>The tiers to open: the configured ones, or the default MEM + SSD layout for <paramref name="dataDirectory"/>.</summary>
    public TieredStoreOptions EffectiveTiers(string dataDirectory)
    {
        if (TieredStore.Tiers.Count > 0)
        {
            return TieredStore;
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..12].ToLowerInvariant();
        var memory = MemoryDirectory.Length > 0 ? MemoryDirectory
            : Directory.Exists("/dev/shm") ? $"/dev/shm/alluxio-worker-{hash}"
            : Path.Combine(dataDirectory, "tiers", "mem");
        var ssd = Path.Combine(dataDirectory, "tiers", "ssd");
        Directory.CreateDirectory(ssd);
        var memoryBytes = MemoryBytes > 0 ? MemoryBytes : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 3;
        var ssdBytes = SsdBytes > 0 ? SsdBytes : Math.Max(1L << 30, new DriveInfo(ssd).AvailableFreeSpace / 2);
        var tiers = new TieredStoreOptions
        {
            Allocator = TieredStore.Allocator,
            Annotator = TieredStore.Annotator,
            VerifyChecksumsOnRead = TieredStore.VerifyChecksumsOnRead,
            Tiers =
            [
                new TierOptions { Alias = "MEM", Directories = [new TierDirectoryOptions { Path = memory, QuotaBytes = memoryBytes }], TrustCheckedBlocks = TrustCheckedMemoryBlocks },
                new TierOptions { Alias = "SSD", Directories = [new TierDirectoryOptions { Path = ssd, QuotaBytes = ssdBytes }] },
            ],
        };
        tiers.Validate();
        return tiers;
    }
}
