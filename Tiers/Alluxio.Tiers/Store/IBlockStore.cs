namespace Alluxio.Tiers.Store;

/// <summary>
/// A worker's tiered block store: blocks are immutable once committed and live as one data file plus a checksum
/// sidecar in one tier directory.
/// <para>
/// Space: every byte on a tier directory is either committed (blocks), reserved (blocks being written, blocks moving
/// in) or free; committed + reserved never exceeds the directory's quota except when a quota was lowered across a
/// restart. When a write needs room the store evicts synchronously: the coldest blocks (by the annotator) move one tier
/// down, and leave the store from the last tier. Pinned blocks, blocks with open readers and blocks being moved are
/// never evicted.
/// </para>
/// <para>
/// Leases: an open <see cref="IBlockReader"/> is a lease — while it is open the block is not evicted, moved or removed
/// and its <see cref="IBlockReader.FilePath"/> stays valid (short-circuit readers rely on this). A removal waits for
/// the leases to end; a corrupt block is dropped at once.
/// </para>
/// <para>
/// Errors: <see cref="Exceptions.BlockNotFoundException"/>, <see cref="Exceptions.BlockAlreadyExistsException"/>,
/// <see cref="Exceptions.BlockStoreFullException"/> (nothing changed), <see cref="Exceptions.BlockCorruptedException"/>
/// (the block was dropped), <see cref="Exceptions.TierDirectoryFailedException"/> (the directory is marked unhealthy,
/// the operation undone). Thread-safe.
/// </para>
/// </summary>
public interface IBlockStore : IDisposable
{
    /// <summary>The tiers' capacity, usage and health.</summary>
    IReadOnlyList<TierReport> GetReport();

    /// <summary>The committed block, or <see langword="null"/>.</summary>
    BlockInfo? GetBlock(long blockId);

    /// <summary>Every committed block (for the worker's registration with the block master).</summary>
    IReadOnlyList<BlockInfo> GetBlocks();

    /// <summary>
    /// Starts writing a block into a temp file, reserving <see cref="BlockWriteOptions.ExpectedLength"/> bytes (or one
    /// reservation increment). Nothing is visible until <see cref="IBlockWriter.CommitAsync"/>; disposing the writer
    /// uncommitted aborts it.
    /// </summary>
    ValueTask<IBlockWriter> CreateBlockAsync(long blockId, BlockWriteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Opens a committed block for reading, which takes a lease on it (see the class remarks).</summary>
    ValueTask<IBlockReader> OpenReadAsync(long blockId, BlockReadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a block once its readers are done; <see langword="false"/> if it was not in the store.</summary>
    ValueTask<bool> RemoveBlockAsync(long blockId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a block to tier <paramref name="tierOrdinal"/> (evicting there if needed); <see langword="false"/> when it
    /// is already there. Waits for the block's readers to finish first.
    /// </summary>
    ValueTask<bool> MoveBlockAsync(long blockId, int tierOrdinal, CancellationToken cancellationToken = default);

    /// <summary>Pins or unpins a block id (pins also apply to a block committed later with that id).</summary>
    void SetPinned(long blockId, bool pinned);

    /// <summary>Replaces the whole pin set (the block master's list at registration and in heartbeats).</summary>
    void ReplacePinned(IEnumerable<long> blockIds);

    /// <summary>One round of background promotion: hot blocks move up into free space of the tier above. Returns the blocks moved.</summary>
    ValueTask<int> PromoteAsync(CancellationToken cancellationToken = default);

    /// <summary>Probes unhealthy directories (write, fsync, delete a small file) and marks those that pass healthy again. Returns the directories still unhealthy.</summary>
    int CheckHealth();
}
