namespace Alluxio.Tiers.Store;

/// <summary>How a block is opened for reading.</summary>
public sealed record BlockReadOptions
{
    /// <summary>Move the block to the top tier before reading it (read type CACHE_PROMOTE), evicting there if needed; skipped when it cannot be done now (other readers, no room).</summary>
    public bool Promote { get; init; }
}
