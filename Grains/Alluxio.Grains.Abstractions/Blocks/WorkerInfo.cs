using Alluxio.Runtime;

namespace Alluxio.Grains.Blocks;

/// <summary>A registered worker as the block master sees it.</summary>
[Immutable]
public sealed record WorkerInfo(long WorkerId, string Address, string Host, IReadOnlyList<TierUsage> Tiers, long BlockCount, DateTimeOffset LastHeartbeat);
