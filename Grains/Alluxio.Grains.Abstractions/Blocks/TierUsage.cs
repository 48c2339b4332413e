using Alluxio.Runtime;

namespace Alluxio.Grains.Blocks;

/// <summary>One tier of a worker: capacity and bytes used by committed blocks.</summary>
[Immutable]
public sealed record TierUsage(string Alias, long CapacityBytes, long UsedBytes);
