using Alluxio.Runtime;

namespace Alluxio.Grains.Blocks;

/// <summary>Where a copy of a block is: the worker (id and gRPC address) and the tier.</summary>
[Immutable]
public sealed record BlockLocation(long WorkerId, string WorkerAddress, string Host, string TierAlias);
