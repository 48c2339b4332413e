namespace Alluxio.Tiers.Exceptions;

/// <summary>The block is not in this store (never cached, evicted, freed, or dropped as corrupt).</summary>
public sealed class BlockNotFoundException(long blockId)
    : BlockStoreException($"block {blockId} is not in this worker's store")
{
    public long BlockId { get; } = blockId;
}
