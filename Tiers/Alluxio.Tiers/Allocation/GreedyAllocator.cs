using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Allocation;

/// <summary>The first directory, in configured order, with room (fills one disk before the next).</summary>
internal sealed class GreedyAllocator : IBlockAllocator
{
    public StorageDirectory? Choose(StorageTier tier, long bytes) =>
        tier.Directories.FirstOrDefault(dir => dir.Healthy && dir.Available >= bytes);
}
