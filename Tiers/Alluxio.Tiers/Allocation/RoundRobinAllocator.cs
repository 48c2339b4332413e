using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Allocation;

/// <summary>The tier's directories in turn, skipping those without room.</summary>
internal sealed class RoundRobinAllocator : IBlockAllocator
{
    public StorageDirectory? Choose(StorageTier tier, long bytes)
    {
        var count = tier.Directories.Count;
        for (var i = 0; i < count; i++)
        {
            var dir = tier.Directories[(tier.NextDirectory + i) % count];
            if (dir.Healthy && dir.Available >= bytes)
            {
                tier.NextDirectory = (tier.NextDirectory + i + 1) % count;
                return dir;
            }
        }

        return null;
    }
}
