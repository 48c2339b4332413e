using Alluxio.Runtime;

namespace Alluxio.Grains.Blocks;

/// <summary>A worker introducing itself: identity, tiers and every block it holds.</summary>
[Immutable]
public sealed record WorkerRegistration(long WorkerId, string Address, string Host, IReadOnlyList<TierUsage> Tiers, IReadOnlyList<BlockPlacement> Blocks);
