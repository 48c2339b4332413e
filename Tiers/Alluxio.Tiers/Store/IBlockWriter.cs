namespace Alluxio.Tiers.Store;

/// <summary>
/// A block being written (a temp block). Appends only; not thread-safe. Disposing without a commit aborts: the temp
/// file is deleted and its reservation released.
/// </summary>
public interface IBlockWriter : IDisposable
{
    long BlockId { get; }

    /// <summary>Bytes written so far.</summary>
    long Length { get; }

    /// <summary>The tier the block is being written into.</summary>
    string TierAlias { get; }

    /// <summary>
    /// Appends <paramref name="data"/>, first reserving more room when needed (which may evict blocks in this
    /// directory). On a full or failing disk the block is aborted and <see cref="Exceptions.TierDirectoryFailedException"/>
    /// thrown; on no room <see cref="Exceptions.BlockStoreFullException"/> (the block is aborted too).
    /// </summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>Makes the block visible (durable first on tiers that sync on commit) and returns it.</summary>
    ValueTask<BlockInfo> CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>The temp block's file, for a writer on this host that writes it directly (short-circuit write).</summary>
    string FilePath { get; }

    /// <summary>
    /// Makes sure <paramref name="totalBytes"/> are reserved for the block (a direct writer asks before writing past its
    /// reservation), evicting in its directory if needed; on no room the block is aborted.
    /// </summary>
    ValueTask ReserveAsync(long totalBytes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits a block whose <paramref name="length"/> bytes were written directly into <see cref="FilePath"/>: the
    /// store checks the length and takes the writer's per-chunk CRC32Cs (<paramref name="chunkCrcs"/>, chunks of
    /// <see cref="ChunkBytes"/>; wrong ones only make the block fail its first read) or, when null, computes them by
    /// reading the file. Any failure aborts the block.
    /// </summary>
    ValueTask<BlockInfo> CommitWrittenAsync(long length, IReadOnlyList<uint>? chunkCrcs = null, CancellationToken cancellationToken = default);

    /// <summary>The bytes each checksum of the block covers.</summary>
    int ChunkBytes { get; }
}
