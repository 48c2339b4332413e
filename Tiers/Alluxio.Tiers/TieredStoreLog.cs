using Microsoft.Extensions.Logging;

namespace Alluxio.Tiers;

/// <summary>The tier manager's log events.</summary>
internal static partial class TieredStoreLog
{
    [LoggerMessage(1, LogLevel.Information, "Tier {Alias} directory {Path}: {Blocks} blocks, {Bytes} bytes recovered; {Discarded} temp or damaged files discarded")]
    public static partial void Recovered(ILogger logger, string alias, string path, int blocks, long bytes, int discarded);

    [LoggerMessage(2, LogLevel.Warning, "Tier {Alias} directory {Path} marked unhealthy: {Reason}")]
    public static partial void DirectoryFailed(ILogger logger, string alias, string path, string reason, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "Tier {Alias} directory {Path} is healthy again")]
    public static partial void DirectoryRecovered(ILogger logger, string alias, string path);

    [LoggerMessage(4, LogLevel.Warning, "Block {BlockId} dropped ({Reason}): {Detail}")]
    public static partial void BlockDropped(ILogger logger, long blockId, string reason, string detail);

    [LoggerMessage(5, LogLevel.Warning, "Could not delete {Path}; it is cleaned up at the next start")]
    public static partial void DeleteFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Moving block {BlockId} to tier {Alias} failed; it stays where it was: {Reason}")]
    public static partial void MoveFailed(ILogger logger, long blockId, string alias, string reason);
}
