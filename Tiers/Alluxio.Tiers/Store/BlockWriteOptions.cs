namespace Alluxio.Tiers.Store;

/// <summary>How a new block is placed.</summary>
public sealed record BlockWriteOptions
{
    /// <summary>The tier to write into (0 = fastest, Alluxio's <c>alluxio.user.file.write.tier.default</c>). When it has no room even after eviction, lower tiers are tried.</summary>
    public int TierOrdinal { get; init; }

    /// <summary>The expected length, reserved up front (0 = reserve as the block grows).</summary>
    public long ExpectedLength { get; init; }

    /// <summary>Pin the block as it is committed (a pinned file's blocks).</summary>
    public bool Pinned { get; init; }
}
