using Alluxio.Grains.FileSystem;

namespace Alluxio.Client;

/// <summary>
/// Options of a <see cref="FileSystem"/> client. Each has the Alluxio property it stands for in its summary; the CLI
/// accepts those property names with -D. Bind them from configuration with
/// <see cref="AlluxioClientServiceCollectionExtensions.AddAlluxioClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>.
/// </summary>
public sealed class FileSystemClientOptions
{
    /// <summary>
    /// The masters' addresses ("host:port" or "http(s)://host:port"), tried in order; a master that is unavailable
    /// moves the client on to the next (Alluxio's <c>alluxio.master.rpc.addresses</c>). Used by
    /// <see cref="FileSystem.Connect(FileSystemClientOptions)"/> and dependency injection; <see cref="FileSystem.Connect(string, FileSystemClientOptions?)"/>
    /// takes its address as an argument instead.
    /// </summary>
    public IList<string> Masters { get; set; } = [];

    /// <summary>The user the client acts as (SIMPLE authentication). Default: the OS user running the process.</summary>
    public string User { get; set; } = Environment.UserName;

    /// <summary>How long one call may take before it fails with DeadlineExceeded (default 60 s).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long an idempotent call keeps retrying after the master was unavailable (Alluxio's
    /// <c>alluxio.user.rpc.retry.max.duration</c>, 2 min; zero: never retry). Non-idempotent calls are never retried.
    /// </summary>
    public TimeSpan RetryMaxDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first retry's sleep, doubled each time (Alluxio's <c>alluxio.user.rpc.retry.base.sleep</c>, 50 ms).</summary>
    public TimeSpan RetryBaseSleep { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest sleep between retries (Alluxio's <c>alluxio.user.rpc.retry.max.sleep</c>, 3 s).</summary>
    public TimeSpan RetryMaxSleep { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Keep the statuses this client read for a while and answer getStatus/exists from them (Alluxio's
    /// <c>alluxio.user.metadata.cache.enabled</c>, default false). Only for data that other clients do not change, or
    /// whose changes may be seen late: a path changed by someone else is seen after at most
    /// <see cref="MetadataCacheExpiration"/>. This client's own writes invalidate what they touch at once.
    /// </summary>
    public bool MetadataCacheEnabled { get; set; }

    /// <summary>Most paths kept by the metadata cache (Alluxio's <c>alluxio.user.metadata.cache.max.size</c>, 100,000).</summary>
    public int MetadataCacheMaxSize { get; set; } = 100_000;

    /// <summary>How long a cached status is used (Alluxio's <c>alluxio.user.metadata.cache.expiration.time</c>, 10 min).</summary>
    public TimeSpan MetadataCacheExpiration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The clock of the metadata cache's expiry (default the system's; tests pass a manual one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Send metadata calls (getStatus, exists, create, complete, delete, rename, setAttribute, checkAccess) over one
    /// multiplexed session stream instead of one HTTP/2 stream each (default true; several times faster under load).
    /// </summary>
    public bool UseMetadataSession { get; set; } = true;

    /// <summary>Most bytes of one response message (default 64 MiB: large listings arrive in batches below this).</summary>
    public int MaxReceiveMessageSize { get; set; } = 64 << 20;

    /// <summary>The write type when a call says Default (Alluxio's <c>alluxio.user.file.writetype.default</c>, ASYNC_THROUGH).</summary>
    public WriteType DefaultWriteType { get; set; } = WriteType.AsyncThrough;

    /// <summary>The read type when a call says Default (Alluxio's <c>alluxio.user.file.readtype.default</c>, CACHE).</summary>
    public ReadType DefaultReadType { get; set; } = ReadType.Cache;

    /// <summary>Bytes per data message on block streams (Alluxio's <c>alluxio.user.streaming.data.write.chunk.size</c>, 1 MiB).</summary>
    public int StreamChunkBytes { get; set; } = 1 << 20;

    /// <summary>
    /// Read cached blocks straight from the worker's block files when the worker runs on this host (Alluxio's
    /// <c>alluxio.user.short.circuit.enabled</c>, default true), under a lease that keeps the block in place; any
    /// failure to open the file falls back to streaming the block over gRPC.
    /// </summary>
    public bool ShortCircuit { get; set; } = true;

    /// <summary>
    /// How many blocks past the current one a sequential short-circuit reader asks the local worker to cache in the
    /// background (default 2; 0 = off). A short-circuit reader that reaches a block not cached yet has the worker cache
    /// it from the UFS and then reads its file (unless the read type is NO_CACHE); with read-ahead the worker loads the
    /// next blocks while the reader reads this one.
    /// </summary>
    public int ReadAheadBlocks { get; set; } = 2;

    /// <summary>
    /// A short-circuit reader that reaches a block not cached anywhere here, of a file whose UFS keeps its files on this
    /// host (a local or NFS mount), reads the block's bytes from the UFS file itself while the worker caches the block in
    /// the background (CACHE, CACHE_PROMOTE; NO_CACHE caches nothing): a cold read then costs about what reading the UFS
    /// directly does. Needs read permission on the UFS file (else the worker caches the block first, as when this is
    /// off); default true.
    /// </summary>
    public bool ShortCircuitUfsReads { get; set; } = true;

    /// <summary>
    /// Stream block bytes over gRPC to and from the worker's data port (the address it registers: the silo's own
    /// HTTP/2 server, read and written by the SDK's own HTTP/2 client without the HTTP stack's copies); default true.
    /// When the data port cannot be reached, or this is off, block streams use the master connection, which serves
    /// the same BlockWorker service. Short-circuit reads and writes (<see cref="ShortCircuit"/>) go around both.
    /// </summary>
    public bool UseWorkerDataPort { get; set; } = true;

    /// <summary>This client's host name, compared with workers' host names for locality (default: the machine's name; tests set it).</summary>
    public string LocalHost { get; set; } = Environment.MachineName;
}
