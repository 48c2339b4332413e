namespace Alluxio.Tiers.Store;

/// <summary>A committed block as the store holds it at one moment (a snapshot; the block may move or go later).</summary>
/// <param name="BlockId">The block's id.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="TierAlias">The tier holding it (MEM, SSD, HDD...).</param>
/// <param name="TierOrdinal">The tier's position, 0 = fastest.</param>
/// <param name="FilePath">The data file (only the block's bytes; what a short-circuit reader opens).</param>
/// <param name="Pinned">Pinned blocks are never evicted.</param>
public sealed record BlockInfo(long BlockId, long Length, string TierAlias, int TierOrdinal, string FilePath, bool Pinned);
