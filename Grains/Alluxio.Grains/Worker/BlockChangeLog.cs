using Alluxio.Grains.Blocks;
using Alluxio.Tiers.Store;

namespace Alluxio.Grains.Worker;

/// <summary>
/// Collects the store's block changes between heartbeats, netted per block (the last change wins), so a heartbeat
/// carries each changed block once. Thread-safe.
/// </summary>
internal sealed class BlockChangeLog : IBlockStoreListener
{
    private readonly Lock _lock = new();
    private Dictionary<long, BlockPlacement?> _changes = [];

    public void OnBlockAdded(BlockInfo block) => Record(block.BlockId, new BlockPlacement(block.BlockId, block.Length, block.TierAlias));

    public void OnBlockMoved(BlockInfo block) => Record(block.BlockId, new BlockPlacement(block.BlockId, block.Length, block.TierAlias));

    public void OnBlockRemoved(long blockId, BlockRemovalReason reason) => Record(blockId, null);

    /// <summary>Takes the changes so far: placements of added or moved blocks, ids of removed ones.</summary>
    public (List<BlockPlacement> AddedOrMoved, List<long> Removed) Drain()
    {
        Dictionary<long, BlockPlacement?> changes;
        lock (_lock)
        {
            (changes, _changes) = (_changes, []);
        }

        return ([.. changes.Values.OfType<BlockPlacement>()], [.. changes.Where(c => c.Value is null).Select(c => c.Key)]);
    }

    /// <summary>Puts back changes a failed heartbeat did not deliver (newer changes win).</summary>
    public void Restore(IEnumerable<BlockPlacement> addedOrMoved, IEnumerable<long> removed)
    {
        lock (_lock)
        {
            foreach (var placement in addedOrMoved)
            {
                _changes.TryAdd(placement.BlockId, placement);
            }

            foreach (var blockId in removed)
            {
                _changes.TryAdd(blockId, null);
            }
        }
    }

    private void Record(long blockId, BlockPlacement? change)
    {
        lock (_lock)
        {
            _changes[blockId] = change;
        }
    }
}
