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
}
