using Alluxio.Runtime;

namespace Alluxio.Grains.Blocks;

/// <summary>A block a worker holds, and in which tier.</summary>
[Immutable]
public sealed record BlockPlacement(long BlockId, long Length, string TierAlias);
