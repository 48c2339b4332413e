namespace Alluxio.Tiers.Exceptions;

/// <summary>
/// A tier directory's disk failed an operation (I/O error, disk full behind the quota's back, directory gone). The
/// directory is marked unhealthy (no new blocks go there until a health check passes) and the operation was undone.
/// </summary>
public sealed class TierDirectoryFailedException(string tierAlias, string directory, string reason, Exception? innerException = null)
    : BlockStoreException($"tier {tierAlias} directory {directory} failed and is marked unhealthy: {reason}", innerException)
{
    public string TierAlias { get; } = tierAlias;

    public string Directory { get; } = directory;
}
