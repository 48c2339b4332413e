using Alluxio.Grains.FileSystem;

namespace Alluxio.Client;

/// <summary>Options of a <see cref="FileSystem"/> client.</summary>
public sealed class FileSystemClientOptions
{
    /// <summary>The user the client acts as (SIMPLE authentication). Default: the OS user running the process.</summary>
    public string User { get; set; } = Environment.UserName;

    /// <summary>How long one call may take before it fails with DeadlineExceeded (default 60 s).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(60);

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

    /// <summary>This client's host name, compared with workers' host names for locality (default: the machine's name; tests set it).</summary>
    public string LocalHost { get; set; } = Environment.MachineName;
}
