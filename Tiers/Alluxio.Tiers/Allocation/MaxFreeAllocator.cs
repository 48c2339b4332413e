using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Allocation;

/// <summary>The directory with the most free room (spreads blocks, and so I/O, across a tier's disks).</summary>
internal sealed class MaxFreeAllocator : IBlockAllocator
{
    public StorageDirectory? Choose(StorageTier tier, long bytes)
    {
        StorageDirectory? best = null;
        foreach (var dir in tier.Directories)
        {
            if (dir.Healthy && dir.Available >= bytes && (best is null || dir.Available > best.Available))
            {
                best = dir;
            }
        }

        return best;
    }
}
