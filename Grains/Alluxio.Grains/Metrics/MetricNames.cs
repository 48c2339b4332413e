namespace Alluxio.Grains.Metrics;

/// <summary>
/// The names of the silo's metrics, Alluxio's where Alluxio has one. The silo hosts the cluster's only worker, so the
/// worker's byte counters are the cluster's (<c>Cluster.*</c>); the master's counters are <c>Master.*</c>.
/// </summary>
public static class MetricNames
{
    /// <summary>Bytes the worker served from its cache (not short-circuit reads: those bytes never pass the worker).</summary>
    public const string BytesReadAlluxio = "Cluster.BytesReadAlluxio";

    /// <summary>Bytes clients on the worker's host read from its block files directly (short-circuit), as they report them.</summary>
    public const string BytesReadLocal = "Cluster.BytesReadLocal";

    /// <summary>
    /// Bytes read from under storages: by the worker (reads that missed the cache, loads, background caching) and by
    /// short-circuit clients reading a missed block's UFS file themselves, as they report them.
    /// </summary>
    public const string BytesReadUfsAll = "Cluster.BytesReadUfsAll";

    /// <summary>Bytes of blocks written into the worker's cache by clients (streamed or short-circuit).</summary>
    public const string BytesWrittenAlluxio = "Cluster.BytesWrittenAlluxio";

    /// <summary>Bytes written to under storages: THROUGH and CACHE_THROUGH writes, and persists.</summary>
    public const string BytesWrittenUfsAll = "Cluster.BytesWrittenUfsAll";

    /// <summary>Gauge: the capacity of every tier of every worker.</summary>
    public const string CapacityTotal = "Cluster.CapacityTotal";

    /// <summary>Gauge: the used bytes of every tier of every worker.</summary>
    public const string CapacityUsed = "Cluster.CapacityUsed";

    /// <summary>Gauge: the free bytes of every tier of every worker.</summary>
    public const string CapacityFree = "Cluster.CapacityFree";

    /// <summary>Gauge: the registered workers.</summary>
    public const string Workers = "Cluster.Workers";

    /// <summary>Files the persister wrote to their under storage.</summary>
    public const string FilesPersisted = "Master.FilesPersisted";

    /// <summary>The counters a silo starts with (reported as 0 until they move).</summary>
    public static IEnumerable<string> Counters =>
        new[] { BytesReadAlluxio, BytesReadLocal, BytesReadUfsAll, BytesWrittenAlluxio, BytesWrittenUfsAll, FilesPersisted }
            .Concat(MasterOperation.All.SelectMany(o => o.Succeeded is null ? new[] { o.Ops } : [o.Ops, o.Succeeded]));
}
