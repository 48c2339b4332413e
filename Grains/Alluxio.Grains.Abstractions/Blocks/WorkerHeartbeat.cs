using Alluxio.Runtime;

namespace Alluxio.Grains.Blocks;

/// <summary>A worker's periodic report: usage, and the block changes since the last heartbeat (adds and moves as placements).</summary>
[Immutable]
public sealed record WorkerHeartbeat(long WorkerId, IReadOnlyList<TierUsage> Tiers, IReadOnlyList<BlockPlacement> AddedOrMoved, IReadOnlyList<long> Removed);
