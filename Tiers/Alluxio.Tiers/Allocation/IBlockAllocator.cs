using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Allocation;

/// <summary>
/// Chooses the directory of a tier for a number of new bytes among the healthy directories with that much
/// free room, or <see langword="null"/> when none has it. Called with the store's lock held: no I/O.
/// </summary>
internal interface IBlockAllocator
{
    StorageDirectory? Choose(StorageTier tier, long bytes);
}
