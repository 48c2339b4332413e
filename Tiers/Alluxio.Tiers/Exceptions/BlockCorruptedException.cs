namespace Alluxio.Tiers.Exceptions;

/// <summary>
/// A block's bytes do not match their CRC32C (or its files are damaged). The store has dropped the block; the caller
/// re-reads the data from the under file system.
/// </summary>
public sealed class BlockCorruptedException(long blockId, string detail)
    : BlockStoreException($"block {blockId} is corrupt and was dropped: {detail}")
{
    public long BlockId { get; } = blockId;
}
