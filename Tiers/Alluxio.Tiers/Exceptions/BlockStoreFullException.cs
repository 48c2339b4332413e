namespace Alluxio.Tiers.Exceptions;

/// <summary>
/// No tier directory can take the bytes, even after evicting every block that may be evicted (pinned blocks, blocks
/// being read and blocks being written stay). Nothing was changed by the failed request.
/// </summary>
public sealed class BlockStoreFullException(string message, Exception? innerException = null)
    : BlockStoreException(message, innerException);
