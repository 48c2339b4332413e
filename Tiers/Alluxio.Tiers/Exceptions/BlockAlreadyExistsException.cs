namespace Alluxio.Tiers.Exceptions;

/// <summary>A block with this id is already committed, or being written by another writer.</summary>
public sealed class BlockAlreadyExistsException(long blockId, bool beingWritten)
    : BlockStoreException(beingWritten ? $"block {blockId} is already being written" : $"block {blockId} is already in this worker's store")
{
    public long BlockId { get; } = blockId;

    /// <summary>Another writer holds the block (it is not committed yet).</summary>
    public bool BeingWritten { get; } = beingWritten;
}
