namespace Alluxio.Tiers.Store;

/// <summary>
/// Told about every change of the store's content, after the change and with no store lock held (the worker grain
/// turns these into its heartbeat to the block master). Calls may come from any thread, concurrently; keep them short.
/// </summary>
public interface IBlockStoreListener
{
    /// <summary>A block was committed (written, or recovered at start-up).</summary>
    void OnBlockAdded(BlockInfo block);

    /// <summary>A block moved to another tier or directory.</summary>
    void OnBlockMoved(BlockInfo block);

    /// <summary>A block left the store.</summary>
    void OnBlockRemoved(long blockId, BlockRemovalReason reason);
}
