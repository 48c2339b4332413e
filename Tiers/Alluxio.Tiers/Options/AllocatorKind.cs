namespace Alluxio.Tiers.Options;

/// <summary>How a new block's directory is chosen within a tier (Alluxio's <c>alluxio.worker.allocator.class</c>).</summary>
public enum AllocatorKind
{
    /// <summary>The directory with the most free space (Alluxio's default, MaxFreeAllocator).</summary>
    MaxFree = 0,

    /// <summary>Directories in turn, skipping those without room (RoundRobinAllocator).</summary>
    RoundRobin = 1,

    /// <summary>The first directory, in configured order, with room (GreedyAllocator).</summary>
    Greedy = 2,
}
