namespace Alluxio.Tiers.Store;

/// <summary>
/// An open committed block, and a lease on it until disposed. Reads may run concurrently. Each chunk's CRC32C is checked
/// the first time this reader touches it (unless verification is off): a mismatch drops the block from the store and
/// throws <see cref="Exceptions.BlockCorruptedException"/>.
/// </summary>
public interface IBlockReader : IDisposable
{
    long BlockId { get; }

    long Length { get; }

    /// <summary>The block's data file, valid while this reader is open (short-circuit reads).</summary>
    string FilePath { get; }

    /// <summary>The tier the block was in when opened.</summary>
    string TierAlias { get; }

    /// <summary>Bytes covered by each of <see cref="ChunkCrcs"/>.</summary>
    int ChunkBytes { get; }

    /// <summary>The CRC32C of each chunk, for readers that read <see cref="FilePath"/> themselves (short-circuit) and check it.</summary>
    IReadOnlyList<uint> ChunkCrcs { get; }

    /// <summary>
    /// The store vouches for the bytes: every chunk was already checked since the block landed on its tier, and the tier
    /// trusts checked blocks (<see cref="Options.TierOptions.TrustCheckedBlocks"/>), so this reader does not check and a
    /// short-circuit reader need not either.
    /// </summary>
    bool Trusted { get; }

    /// <summary>Reads up to <paramref name="buffer"/>'s length at <paramref name="offset"/>; returns 0 at the end.</summary>
    int Read(long offset, Span<byte> buffer);
}
